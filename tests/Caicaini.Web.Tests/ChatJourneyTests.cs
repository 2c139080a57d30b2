using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Caicaini.Web.Tests;

public sealed class ChatJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sign_up_chat_on_auto_check_the_receipt_against_the_ledger_stop_an_opus_answer_and_delete()
    {
        var page = await SignUpAndOpenChatAsync(await browser.NewPageAsync());
        Assert.Equal("100", await page.Locator("[data-testid=balance]").InnerTextAsync());
        Assert.Equal("caicaini/auto", await page.Locator("[data-testid=model]").InputValueAsync());

        // Auto: a short factual question, with a live estimate, sent with Enter, streamed.
        await page.Locator("[data-testid=prompt]").FillAsync("What is the capital of France?");
        await Assertions.Expect(page.Locator("[data-testid=estimate]")).ToContainTextAsync("on Haiku");
        await page.Locator("[data-testid=prompt]").PressAsync("Enter");
        var reply = page.Locator(".message.assistant").Last;
        await Assertions.Expect(reply.Locator(".message-body")).ToContainTextAsync("Paris", new() { Timeout = 30_000 });
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });

        // The receipt, checked against the ledger.
        await reply.ClickAsync();
        var receipt = page.Locator("[data-testid=receipt]");
        await Assertions.Expect(receipt).ToBeVisibleAsync();
        Assert.Equal("caicaini/haiku", await Field("modelUsed"));
        Assert.Equal("caicaini/auto", await Field("requestedModel"));
        Assert.StartsWith("Short factual question", await Field("routerReason"));
        Assert.True(int.Parse(await Field("inputTokens"), CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(await Field("outputTokens"), CultureInfo.InvariantCulture) > 0);
        Assert.EndsWith("credits", await Field("sonnetCost"));
        var reference = await Field("billingReference");
        var ledger = await (await page.APIRequest.GetAsync("/api/billing/ledger?kind=charge")).JsonAsync();
        var charge = ledger!.Value.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("reference").GetString() == reference);
        var chargedCredits = (-charge.GetProperty("amountMicros").GetInt64() / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);
        Assert.Equal($"{chargedCredits} credits", await Field("cost"));
        Assert.Equal(chargedCredits, await Field("fromSubscription"));
        var balance = await (await page.APIRequest.GetAsync("/api/billing/balance")).JsonAsync();
        var total = (balance!.Value.GetProperty("totalMicros").GetInt64() / 1_000_000m).ToString("#,0.######", CultureInfo.InvariantCulture);
        Assert.Equal(total, await page.Locator("[data-testid=balance]").InnerTextAsync());
        await page.Locator("#close-receipt").ClickAsync();

        // Opus, remembered; a long answer stopped mid-stream is charged for what arrived.
        await page.Locator("[data-testid=model]").SelectOptionAsync("caicaini/opus");
        await page.Locator("[data-testid=prompt]").FillAsync("Tell me everything [simulate:long]");
        await page.Locator("[data-testid=send]").ClickAsync();
        var longReply = page.Locator(".message.assistant").Last;
        await Assertions.Expect(longReply.Locator(".message-body")).ToContainTextAsync("Point 2", new() { Timeout = 30_000 });
        await page.Locator("[data-testid=stop]").ClickAsync();
        await Assertions.Expect(longReply).ToHaveAttributeAsync("data-status", "stopped", new() { Timeout = 30_000 });
        await longReply.ClickAsync();
        Assert.Equal("caicaini/opus", await Field("modelUsed"));
        Assert.Equal("stopped", await Field("status"));
        Assert.StartsWith("estimated", await Field("usageSource"));
        Assert.True(int.Parse(await Field("outputTokens"), CultureInfo.InvariantCulture) < 1_500);
        await page.ReloadAsync();
        Assert.Equal("caicaini/opus", await page.Locator("[data-testid=model]").InputValueAsync());

        // Delete, with confirmation and the purge receipt.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator(".conversation-menu summary").First.ClickAsync();
        await page.Locator(".conversation-menu .delete").First.ClickAsync();
        await Assertions.Expect(page.Locator("#deletion-receipt")).ToContainTextAsync("purged from the database by");
        await Assertions.Expect(page.Locator("[data-testid=conversations] li")).ToHaveCountAsync(0);
        var conversations = await (await page.APIRequest.GetAsync("/api/conversations")).JsonAsync();
        Assert.Empty(conversations!.Value.EnumerateArray());

        Task<string> Field(string name) => receipt.Locator($"[data-field={name}]").InnerTextAsync();
    }

    [Fact]
    public async Task On_a_phone_the_chat_and_the_usage_page_fit_the_screen_and_usage_lists_the_answer()
    {
        var page = await SignUpAndOpenChatAsync(await browser.NewPageAsync(new ViewportSize { Width = 375, Height = 740 }));

        await page.Locator("[data-testid=model]").SelectOptionAsync("caicaini/sonnet");
        await page.Locator("[data-testid=prompt]").FillAsync("Write a short function in C# that adds two numbers");
        await page.Locator("[data-testid=send]").ClickAsync();
        var reply = page.Locator(".message.assistant").Last;
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        await Assertions.Expect(reply.Locator("pre .copy")).ToHaveCountAsync(1); // code blocks get a Copy button
        await AssertFitsAsync();

        await page.GotoAsync("/usage");
        await AssertFitsAsync();
        await Assertions.Expect(page.Locator("[data-testid=usage] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=usage] tbody tr")).ToContainTextAsync("caicaini/sonnet");
    
        async Task AssertFitsAsync()
        {
            // Names the widest culprits when something sticks out.
            var wide = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376)
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')
                """);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375, $"Too wide on a phone: {wide}");
        }
    }

    /// <summary>Signs up a new user and opens /chat once Billing has opened the credit account (a moment after sign-up).</summary>
    private async Task<IPage> SignUpAndOpenChatAsync(IPage page)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync("/account/register");
        await page.Locator("#Input_Email").FillAsync($"chat{id}@example.com");
        await page.Locator("#Input_Username").FillAsync($"chat{id}");
        await page.Locator("#Input_Password").FillAsync("a chatty journey passphrase");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(browser.BaseAddress.ToString());
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await page.GotoAsync("/chat");
            if (await page.Locator("[data-testid=balance]").CountAsync() > 0) break;
            await Task.Delay(100);
        }
        return page;
    }
}
