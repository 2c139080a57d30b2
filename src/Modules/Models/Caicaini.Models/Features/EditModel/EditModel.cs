using Caicaini.Models.Data;
using Caicaini.Models.Domain;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Models.Features.EditModel;

/// <summary>An admin sets a model's prices (micro-credits per million tokens) and whether it is offered; audited.</summary>
public sealed record EditModel(
    string ModelId, Guid EditorId, bool Enabled,
    long InputMicrosPerMTok, long OutputMicrosPerMTok, long CacheReadMicrosPerMTok, long CacheWriteMicrosPerMTok) : ICommand<Result<Unit>>;

internal sealed class EditModelValidator : AbstractValidator<EditModel>
{
    private const long Ceiling = 1_000_000L * 1_000_000; // a million credits per million tokens: far above any real price

    public EditModelValidator()
    {
        RuleFor(e => e.InputMicrosPerMTok).InclusiveBetween(0, Ceiling).WithMessage("Prices cannot be negative (or absurd).");
        RuleFor(e => e.OutputMicrosPerMTok).InclusiveBetween(0, Ceiling).WithMessage("Prices cannot be negative (or absurd).");
        RuleFor(e => e.CacheReadMicrosPerMTok).InclusiveBetween(0, Ceiling).WithMessage("Prices cannot be negative (or absurd).");
        RuleFor(e => e.CacheWriteMicrosPerMTok).InclusiveBetween(0, Ceiling).WithMessage("Prices cannot be negative (or absurd).");
    }
}

internal sealed class EditModelHandler(ModelsDbContext db, TimeProvider clock) : ICommandHandler<EditModel, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(EditModel command, CancellationToken cancellationToken)
    {
        var model = await db.Catalog.SingleOrDefaultAsync(m => m.Id == command.ModelId, cancellationToken);
        if (model is null) return Error.NotFound("model-not-found", $"There is no model '{command.ModelId}'.");

        var changes = new List<string>();
        void Set(string name, long before, long after, Action<long> apply)
        {
            if (before == after) return;
            changes.Add($"{name} {before} → {after}");
            apply(after);
        }
        if (model.Enabled != command.Enabled)
        {
            changes.Add(command.Enabled ? "enabled" : "disabled");
            model.Enabled = command.Enabled;
        }
        if (!model.IsRouter)
        {
            Set("input", model.InputMicrosPerMTok, command.InputMicrosPerMTok, v => model.InputMicrosPerMTok = v);
            Set("output", model.OutputMicrosPerMTok, command.OutputMicrosPerMTok, v => model.OutputMicrosPerMTok = v);
            Set("cache read", model.CacheReadMicrosPerMTok, command.CacheReadMicrosPerMTok, v => model.CacheReadMicrosPerMTok = v);
            Set("cache write", model.CacheWriteMicrosPerMTok, command.CacheWriteMicrosPerMTok, v => model.CacheWriteMicrosPerMTok = v);
        }
        if (changes.Count == 0) return Unit.Value;

        db.CatalogAudit.Add(new CatalogAudit { ModelId = model.Id, EditorId = command.EditorId, Change = string.Join("; ", changes), At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
