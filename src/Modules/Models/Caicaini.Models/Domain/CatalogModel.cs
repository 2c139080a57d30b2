using Caicaini.Models.Contracts;

namespace Caicaini.Models.Domain;

/// <summary>Cost tiers: the router's fallback moves to the same or a higher tier, never down.</summary>
internal enum ModelTier
{
    Router = 0,
    Fast = 1,
    Balanced = 2,
    Best = 3,
}

/// <summary>
/// One model in the catalog. Prices are micro-credits per million tokens (exact integers); admins edit
/// them and the enabled flag, every change audited. <c>caicaini/auto</c> is a row too (provider "router",
/// no prices of its own) so it can be listed and switched off like the others.
/// </summary>
internal sealed class CatalogModel
{
    public required string Id { get; init; }
    public required string DisplayName { get; set; }
    public required string Description { get; set; }
    public ModelTier Tier { get; set; }
    /// <summary>"router", "anthropic" or "moonshot" (any OpenAI-compatible endpoint configured under that name).</summary>
    public required string Provider { get; set; }
    public required string UpstreamModelId { get; set; }
    public int ContextWindow { get; set; }
    public int MaxOutputTokens { get; set; }
    public bool Enabled { get; set; }
    public int Position { get; set; }
    public long InputMicrosPerMTok { get; set; }
    public long OutputMicrosPerMTok { get; set; }
    public long CacheReadMicrosPerMTok { get; set; }
    public long CacheWriteMicrosPerMTok { get; set; }

    public const string RouterProvider = "router";

    public bool IsRouter => Provider == RouterProvider;

    public ModelPrice Price => new(InputMicrosPerMTok, OutputMicrosPerMTok, CacheReadMicrosPerMTok, CacheWriteMicrosPerMTok);
}

/// <summary>Who changed which model, from what to what: one row per admin edit.</summary>
internal sealed class CatalogAudit
{
    public long Id { get; init; }
    public required string ModelId { get; init; }
    public Guid EditorId { get; init; }
    public required string Change { get; init; }
    public DateTimeOffset At { get; init; }
}
