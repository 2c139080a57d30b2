using Caicaini.Models.Domain;

namespace Caicaini.Models.Data;

/// <summary>
/// The launch catalog. Prices are the providers' list prices turned into credits (1 credit ≈ US$0.01,
/// so $3 per million tokens = 300 credits = 300,000,000 µcr per million tokens); plans give more credits
/// per dollar as they grow, which is where the margin comes from on small plans and goes on big ones.
/// </summary>
internal static class CatalogSeed
{
    private const long Credit = 1_000_000;

    public static readonly CatalogModel[] Models =
    [
        new()
        {
            Id = "caicaini/auto", DisplayName = "Auto", Tier = ModelTier.Router, Provider = CatalogModel.RouterProvider, UpstreamModelId = "",
            Description = "The default: picks the model per message. Short factual questions go to a fast, cheap model; hard reasoning and long code to the best.",
            ContextWindow = 200_000, MaxOutputTokens = 16_000, Enabled = true, Position = 0,
        },
        new()
        {
            Id = "caicaini/opus", DisplayName = "Opus", Tier = ModelTier.Best, Provider = "anthropic", UpstreamModelId = "claude-opus-4-5",
            Description = "Our best model for hard reasoning, proofs, long code and careful writing. The most expensive.",
            ContextWindow = 200_000, MaxOutputTokens = 32_000, Enabled = true, Position = 1,
            InputMicrosPerMTok = 500 * Credit, OutputMicrosPerMTok = 2_500 * Credit, CacheReadMicrosPerMTok = 50 * Credit, CacheWriteMicrosPerMTok = 625 * Credit,
        },
        new()
        {
            Id = "caicaini/sonnet", DisplayName = "Sonnet", Tier = ModelTier.Balanced, Provider = "anthropic", UpstreamModelId = "claude-sonnet-4-5",
            Description = "Balanced: strong everyday writing, analysis and code at a fair price.",
            ContextWindow = 200_000, MaxOutputTokens = 16_000, Enabled = true, Position = 2,
            InputMicrosPerMTok = 300 * Credit, OutputMicrosPerMTok = 1_500 * Credit, CacheReadMicrosPerMTok = 30 * Credit, CacheWriteMicrosPerMTok = 375 * Credit,
        },
        new()
        {
            Id = "caicaini/haiku", DisplayName = "Haiku", Tier = ModelTier.Fast, Provider = "anthropic", UpstreamModelId = "claude-haiku-4-5",
            Description = "Fast and cheap: quick facts, short answers, simple edits.",
            ContextWindow = 200_000, MaxOutputTokens = 8_192, Enabled = true, Position = 3,
            InputMicrosPerMTok = 100 * Credit, OutputMicrosPerMTok = 500 * Credit, CacheReadMicrosPerMTok = 10 * Credit, CacheWriteMicrosPerMTok = 125 * Credit,
        },
        new()
        {
            Id = "caicaini/kimi", DisplayName = "Kimi", Tier = ModelTier.Fast, Provider = "moonshot", UpstreamModelId = "kimi-k2-0905-preview",
            Description = "Fast and cheap, and strong in Chinese; served by Moonshot.",
            ContextWindow = 256_000, MaxOutputTokens = 8_192, Enabled = true, Position = 4,
            InputMicrosPerMTok = 60 * Credit, OutputMicrosPerMTok = 250 * Credit, CacheReadMicrosPerMTok = 15 * Credit, CacheWriteMicrosPerMTok = 60 * Credit,
        },
    ];
}
