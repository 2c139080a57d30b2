using System.Text.Json;
using Caicaini.Billing.Features.GetBalance;
using Caicaini.Conversations.Features.ManageConversations;
using Caicaini.Host.Infrastructure;
using Caicaini.Models.Features.ListModels;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Caicaini.Host.Pages.Chat;

/// <summary>
/// The chat: the page renders the sidebar, the stored messages (Markdown rendered and sanitised on the server)
/// and the controls; <c>wwwroot/js/chat.js</c> sends, streams, stops, estimates and opens receipts through the API.
/// </summary>
[Authorize]
public sealed class IndexModel(ISender sender, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public IReadOnlyList<ConversationSummary> Conversations { get; private set; } = [];
    public ConversationDetail? Current { get; private set; }
    public IReadOnlyList<ModelView> Models { get; private set; } = [];
    public Balance? Balance { get; private set; }

    /// <summary>The messages as the API returns them, for the receipts panel.</summary>
    public string MessagesJson { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        Conversations = await sender.Send(new ListConversations(userId), cancellationToken);
        if (id is { } conversationId)
        {
            var current = await sender.Send(new GetConversation(userId, conversationId), cancellationToken);
            if (!current.IsSuccess) return NotFound();
            Current = current.Value;
            MessagesJson = JsonSerializer.Serialize(Current.Messages, json.Value.SerializerOptions);
        }
        Models = await sender.Send(new ListModels(), cancellationToken);
        var balance = await sender.Send(new GetBalance(userId), cancellationToken);
        Balance = balance.IsSuccess ? balance.Value : null;
        return Page();
    }
}
