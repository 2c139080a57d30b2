using Caicaini.Help.Features;
using Caicaini.Help.Features.ListFaqForEditing;
using Caicaini.Help.Features.MoveFaqEntry;
using Caicaini.Help.Features.SetFaqEntryPublished;
using Caicaini.Host.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caicaini.Host.Pages.Admin.Help;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<EditableSection> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sections = await sender.Send(new ListFaqForEditing(), cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(int entryId, bool up, CancellationToken cancellationToken) =>
        Done(await sender.Send(new MoveFaqEntry(entryId, up, Editor()), cancellationToken), null);

    public async Task<IActionResult> OnPostPublishAsync(int entryId, bool published, CancellationToken cancellationToken) =>
        Done(await sender.Send(new SetFaqEntryPublished(entryId, published, Editor()), cancellationToken),
            published ? "The entry is back on /help." : "The entry is off /help and out of search.");

    private IActionResult Done(Caicaini.Shared.Results.Result<Unit> result, string? message)
    {
        if (!result.IsSuccess) TempData["Flash"] = result.Error.Message;
        else if (message is not null) TempData["Flash"] = message;
        return RedirectToPage();
    }

    private FaqEditor Editor() => new(User.GetUserId(), User.Identity?.Name ?? "staff");
}
