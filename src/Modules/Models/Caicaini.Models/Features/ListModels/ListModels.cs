using Caicaini.Models.Data;
using Caicaini.Models.Domain;
using Caicaini.Models.Providers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Models.Features.ListModels;

/// <summary>The catalog in display order; <paramref name="IncludeDisabled"/> is for the admin page.</summary>
public sealed record ListModels(bool IncludeDisabled = false) : IQuery<IReadOnlyList<ModelView>>;

/// <summary>
/// One model. Prices are micro-credits per million tokens (auto has none of its own: it costs what the model
/// it picks costs). <see cref="Simulated"/>: no provider key is configured, so the offline simulator answers.
/// </summary>
public sealed record ModelView(
    string Id, string DisplayName, string Description, string Tier, int ContextWindow, int MaxOutputTokens, bool Enabled,
    long InputMicrosPerMTok, long OutputMicrosPerMTok, long CacheReadMicrosPerMTok, long CacheWriteMicrosPerMTok,
    bool IsRouter, bool Simulated);

internal sealed class ListModelsHandler(ModelsDbContext db, ChatClientFactory clients) : IQueryHandler<ListModels, IReadOnlyList<ModelView>>
{
    public async ValueTask<IReadOnlyList<ModelView>> Handle(ListModels query, CancellationToken cancellationToken)
    {
        var models = await db.Catalog.AsNoTracking().Where(m => query.IncludeDisabled || m.Enabled).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        return models.Select(m => new ModelView(m.Id, m.DisplayName, m.Description, m.Tier.ToString().ToLowerInvariant(), m.ContextWindow,
                m.MaxOutputTokens, m.Enabled, m.InputMicrosPerMTok, m.OutputMicrosPerMTok, m.CacheReadMicrosPerMTok, m.CacheWriteMicrosPerMTok,
                m.IsRouter, !m.IsRouter && clients.IsSimulated(m)))
            .ToList();
    }
}
