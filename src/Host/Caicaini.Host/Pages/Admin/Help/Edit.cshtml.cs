using System.ComponentModel.DataAnnotations;
using Caicaini.Help.Features;
using Caicaini.Help.Features.ListFaqForEditing;
using Caicaini.Help.Features.PreviewFaqAnswer;
using Caicaini.Help.Features.SaveFaqEntry;
using Caicaini.Host.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Admin.Help;

public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    public IReadOnlyList<EditableSection> Sections { get; private set; } = [];

    /// <summary>The answer as /help would show it (sanitised), after "Preview".</summary>
    public string? PreviewHtml { get; private set; }

    public sealed class EntryInput
    {
        [Display(Name = "Section")]
        public int SectionId { get; set; }

        [Display(Name = "Anchor (e.g. change-plan)")]
        public string Slug { get; set; } = "";

        public string Question { get; set; } = "";

        [Display(Name = "Answer (Markdown)")]
        public string AnswerMarkdown { get; set; } = "";

        [Display(Name = "Published on /help")]
        public bool Published { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var draft = await sender.Send(new GetFaqEntryDraft(id), cancellationToken);
            if (!draft.IsSuccess) return NotFound();
            Entry = new EntryInput
            {
                SectionId = draft.Value.SectionId, Slug = draft.Value.Slug, Question = draft.Value.Question,
                AnswerMarkdown = draft.Value.AnswerMarkdown, Published = draft.Value.Published,
            };
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        PreviewHtml = await sender.Send(new PreviewFaqAnswer(Entry.AnswerMarkdown ?? ""), cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var command = new SaveFaqEntry(Id, Entry.SectionId, Entry.Slug ?? "", Entry.Question ?? "", Entry.AnswerMarkdown ?? "",
            Entry.Published, new FaqEditor(User.GetUserId(), User.Identity?.Name ?? "staff"));
        var (sent, result) = await sender.TrySendAsync(command, ModelState, nameof(Entry), cancellationToken);
        if (sent && result.IsSuccess)
        {
            TempData["Flash"] = "Saved.";
            return Redirect("/admin/help");
        }
        if (sent && result.Error is { } error) ModelState.AddError(error, nameof(Entry));
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Sections = await sender.Send(new ListFaqForEditing(), cancellationToken);
        return Page();
    }
}
