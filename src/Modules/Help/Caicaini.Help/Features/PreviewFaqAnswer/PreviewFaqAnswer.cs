using Caicaini.Help.Domain;
using Caicaini.Shared.Text;
using Mediator;

namespace Caicaini.Help.Features.PreviewFaqAnswer;

/// <summary>Renders an answer exactly as /help will (Markdown → sanitised HTML), before saving it.</summary>
public sealed record PreviewFaqAnswer(string Markdown) : IQuery<string>;

internal sealed class PreviewFaqAnswerHandler : IQueryHandler<PreviewFaqAnswer, string>
{
    public ValueTask<string> Handle(PreviewFaqAnswer query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(MarkdownRenderer.ToHtml(query.Markdown ?? ""));
}
