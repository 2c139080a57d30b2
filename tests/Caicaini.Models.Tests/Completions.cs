using Caicaini.Models.Contracts;
using Caicaini.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Caicaini.Models.Tests;

internal static class Completions
{
    /// <summary>Runs a completion through the mediator as Conversations does: the concatenated text and the closing event.</summary>
    public static async Task<(string Text, CompletionEvent End)> StreamAsync(CaicainiAppFactory app, StreamCompletion request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var text = "";
        CompletionEvent? end = null;
        await foreach (var e in scope.ServiceProvider.GetRequiredService<ISender>().CreateStream(request))
        {
            if (e is TextDelta delta) text += delta.Text;
            else end = e;
        }
        return (text, end!);
    }
}
