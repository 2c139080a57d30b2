using System.Security.Claims;
using System.Text.Json;
using Caicaini.Conversations.Features.Chat;
using Caicaini.Conversations.Features.ManageConversations;
using Caicaini.Conversations.Features.Usage;
using Caicaini.Host.Infrastructure;
using Caicaini.Shared.Results;
using Carter;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Caicaini.Host.Api.Conversations;

public sealed class ConversationsEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization(Policies.ApiPlan);

        conversations.MapGet("", async (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListConversations(user.GetUserId()), cancellationToken)))
            .WithName("Conversations_List")
            .WithSummary("Your conversations, most recently active first.");

        conversations.MapPost("", async (CreateConversationRequest? body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var created = await sender.Send(new CreateConversation(user.GetUserId(), body?.Title), cancellationToken);
                return TypedResults.Created($"/api/conversations/{created.Id}", created);
            })
            .WithName("Conversations_Create")
            .WithSummary("Start a conversation (the title comes from the first message unless given).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        conversations.MapGet("/{id:guid}", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new GetConversation(user.GetUserId(), id), cancellationToken))
                    .Match<Results<Ok<ConversationDetail>, ProblemHttpResult>>(c => TypedResults.Ok(c), e => e.ToProblem()))
            .WithName("Conversations_Get")
            .WithSummary("A conversation with every message and its receipt (tokens, model, cost, split).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        conversations.MapPatch("/{id:guid}", async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> (
                Guid id, RenameConversationRequest body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new RenameConversation(user.GetUserId(), id, body.Title ?? ""), cancellationToken))
                    .Match<Results<Ok<ConversationSummary>, ProblemHttpResult>>(c => TypedResults.Ok(c), e => e.ToProblem()))
            .WithName("Conversations_Rename")
            .WithSummary("Rename a conversation.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        conversations.MapDelete("/{id:guid}", async Task<Results<Ok<DeletionReceipt>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new DeleteConversation(user.GetUserId(), id), cancellationToken))
                    .Match<Results<Ok<DeletionReceipt>, ProblemHttpResult>>(r => TypedResults.Ok(r), e => e.ToProblem()))
            .WithName("Conversations_Delete")
            .WithSummary("Delete a conversation: hidden at once, purged from the database within 24 hours (the receipt says by when).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        conversations.MapPost("/estimate", async Task<Results<Ok<MessageEstimate>, ProblemHttpResult>> (
                EstimateRequest body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new EstimateMessage(user.GetUserId(), body.Model, body.Text ?? "", body.ConversationId), cancellationToken))
                    .Match<Results<Ok<MessageEstimate>, ProblemHttpResult>>(e => TypedResults.Ok(e), e => e.ToProblem()))
            .WithName("Conversations_Estimate")
            .WithSummary("The model that would answer (auto's pick and why), input tokens, and the cost range in micro-credits.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        conversations.MapPost("/{id:guid}/messages", SendMessageAsync)
            .WithName("Conversations_SendMessage")
            .WithSummary("Send a message. Streams text/event-stream: `start`, `delta`…, then `done` (receipt and balances) or `error` " +
                         "(ProblemDetails). With ?stream=false, one JSON answer. Refusals before streaming are ProblemDetails " +
                         "(402 not enough credits, 404, 409 an answer is still being written, 422).")
            .Produces<ReplyDone>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        conversations.MapGet("/usage", async (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken,
                string? model, DateOnly? from, DateOnly? to, int page = 1, int pageSize = 100) =>
                TypedResults.Ok(await sender.Send(new ListUsage(user.GetUserId(), model, from, to, page, pageSize), cancellationToken)))
            .WithName("Conversations_Usage")
            .WithSummary("Every answer's model, tokens and cost, newest first; filter by model and UTC dates (inclusive).");

        conversations.MapGet("/usage/export", async (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken,
                string? model, DateOnly? from, DateOnly? to) =>
                TypedResults.Text(await sender.Send(new ExportUsage(user.GetUserId(), model, from, to), cancellationToken), "text/csv; charset=utf-8"))
            .WithName("Conversations_ExportUsage")
            .WithSummary("The same as /usage, as CSV (credits), oldest first.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    private static async Task SendMessageAsync(Guid id, SendMessageRequest body, bool? stream, ClaimsPrincipal user, ISender sender,
        HttpContext http, IOptions<JsonOptions> json)
    {
        var started = await sender.Send(new StartReply(user.GetUserId(), id, body.Text ?? "", body.Model), http.RequestAborted);
        if (!started.IsSuccess)
        {
            await started.Error!.ToProblem().ExecuteAsync(http);
            return;
        }
        var reply = started.Value;
        var events = sender.CreateStream(new StreamReply(reply), http.RequestAborted);

        if (stream == false)
        {
            await foreach (var e in events)
            {
                switch (e)
                {
                    case ReplyDone done:
                        await TypedResults.Ok(done).ExecuteAsync(http);
                        return;
                    case ReplyFailed failed:
                        await Failure(failed).ExecuteAsync(http);
                        return;
                }
            }
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // proxies must not hold the stream back
        await WriteEventAsync("start", new
        {
            reply.ConversationId, reply.UserMessageId, MessageId = reply.AssistantMessageId, reply.RequestedModel, Model = reply.ModelId, Reason = reply.RouterReason,
        });
        await foreach (var e in events)
        {
            switch (e)
            {
                case ReplyDelta delta:
                    await WriteEventAsync("delta", new { delta.Text });
                    break;
                case ReplyDone done:
                    await WriteEventAsync("done", done);
                    break;
                case ReplyFailed failed:
                    await WriteEventAsync("error", Failure(failed).ProblemDetails);
                    break;
            }
        }

        async Task WriteEventAsync(string name, object data)
        {
            await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, json.Value.SerializerOptions)}\n\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }
    }

    private static ProblemHttpResult Failure(ReplyFailed failed)
    {
        var problem = new Error(failed.Code, failed.Detail, ErrorKind.BadRequest).ToProblem();
        problem.ProblemDetails.Status = failed.Status;
        problem.ProblemDetails.Title = failed.Status == 503 ? "The model is busy" : "The model is unavailable";
        problem.ProblemDetails.Extensions["message"] = failed.Message;
        return TypedResults.Problem(problem.ProblemDetails);
    }
}

public sealed record CreateConversationRequest(string? Title);

public sealed record RenameConversationRequest(string? Title);

/// <param name="Model">A model id (default caicaini/auto).</param>
public sealed record SendMessageRequest(string? Text, string? Model);

public sealed record EstimateRequest(string? Text, string? Model, Guid? ConversationId);
