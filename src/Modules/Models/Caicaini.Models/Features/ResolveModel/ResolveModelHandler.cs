using Caicaini.Models.Contracts;
using Caicaini.Models.Data;
using Caicaini.Models.Domain;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Models.Features.ResolveModel;

internal sealed class ResolveModelHandler(ModelsDbContext db, TokenCounter tokens) : IQueryHandler<Contracts.ResolveModel, Result<ResolvedModel>>
{
    public async ValueTask<Result<ResolvedModel>> Handle(Contracts.ResolveModel query, CancellationToken cancellationToken)
    {
        var catalog = await db.Catalog.AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        var requestedId = string.IsNullOrWhiteSpace(query.RequestedModelId) ? ModelIds.Auto : query.RequestedModelId.Trim();
        var requested = catalog.FirstOrDefault(m => m.Id == requestedId);
        if (requested is null)
            return Error.Unprocessable("unknown-model",
                $"There is no enabled model '{requestedId}'. Choose one of: {string.Join(", ", catalog.Select(m => m.Id))}.");

        var promptTokens = tokens.Count(query.Prompt) + TokenCounter.PerTurnOverhead;
        string? reason = null;
        var model = requested;
        if (requested.IsRouter)
        {
            var decision = AutoRouter.Route(query.Prompt, promptTokens, query.History.Count);
            model = EnabledFrom(catalog, decision.ModelId);
            if (model is null)
                return Error.Unprocessable("no-model-available", "No model is enabled right now. Try again later.");
            reason = model.Id == decision.ModelId ? decision.Reason : $"{decision.Reason} ({decision.ModelId} is switched off, so {model.DisplayName}.)";
        }

        // Room for the answer is kept out of the window; the newest history that still fits goes with the prompt.
        var reserve = Math.Min(model.MaxOutputTokens, model.ContextWindow / 4);
        var budget = model.ContextWindow - reserve;
        if (promptTokens > budget)
            return Error.Unprocessable("prompt-too-long",
                $"This message is about {promptTokens:N0} tokens; {model.DisplayName} takes at most {budget:N0} per message. Shorten it or split it.");
        var history = new List<ChatTurn>();
        var used = promptTokens;
        for (var i = query.History.Count - 1; i >= 0; i--)
        {
            var cost = tokens.Count(query.History[i].Text) + TokenCounter.PerTurnOverhead;
            if (used + cost > budget) break; // oldest turns are dropped first
            used += cost;
            history.Insert(0, query.History[i]);
        }

        var comparison = catalog.Where(m => m.Id is AutoRouter.Sonnet or AutoRouter.Opus).ToDictionary(m => m.Id, m => m.Price);
        return new ResolvedModel(requested.Id, model.Id, model.DisplayName, reason, model.Price, model.ContextWindow,
            model.MaxOutputTokens, used, history, comparison);
    }

    /// <summary>The router's pick, or when it is off the next enabled model of the same or a higher tier.</summary>
    private static CatalogModel? EnabledFrom(IReadOnlyList<CatalogModel> enabled, string modelId)
    {
        var wanted = CatalogSeed.Models.First(m => m.Id == modelId);
        return enabled.FirstOrDefault(m => m.Id == modelId)
               ?? enabled.Where(m => !m.IsRouter && m.Tier >= wanted.Tier).OrderBy(m => m.Tier).ThenBy(m => m.Position).FirstOrDefault();
    }
}

internal sealed class PriceDeliveredTextHandler(ModelsDbContext db, TokenCounter tokens) : IQueryHandler<PriceDeliveredText, Result<PricedUsage>>
{
    public async ValueTask<Result<PricedUsage>> Handle(PriceDeliveredText query, CancellationToken cancellationToken)
    {
        var model = await db.Catalog.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.ModelId && m.Provider != CatalogModel.RouterProvider, cancellationToken);
        if (model is null) return Error.Unprocessable("unknown-model", $"There is no model '{query.ModelId}'.");
        var usage = TokenUsage.Estimated(query.InputTokens, tokens.Count(query.DeliveredText));
        return new PricedUsage(usage, model.Price.CostOf(usage));
    }
}
