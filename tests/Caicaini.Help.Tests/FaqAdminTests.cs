using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caicaini.Testing;
using Npgsql;

namespace Caicaini.Help.Tests;

public sealed class FaqAdminFactory : CaicainiAppFactory
{
    public const string Email = "editor@caicaini.test";
    public const string Password = "an editor's long passphrase";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Admin:Email", Email), new("Admin:Password", Password), new("Admin:Username", "editor")];
}

public sealed class FaqAdminTests(FaqAdminFactory app) : IClassFixture<FaqAdminFactory>
{
    [Fact]
    public async Task Staff_write_a_new_entry_that_appears_on_help_in_search_and_in_the_audit()
    {
        var admin = await AdminAsync();
        var slug = "new-entry-" + Guid.NewGuid().ToString("N")[..6];

        var saved = await admin.SubmitAsync("/admin/help/edit", Entry(slug, "How do I whistle a zebrafish tune?", "Purse your lips and **zebrafish**."), "/admin/help/edit?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var help = await admin.GetAsync("/help");
        Assert.Contains($"id=\"{slug}\"", help);
        Assert.Contains("<strong>zebrafish</strong>", help);
        var search = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/help/faq?q=zebrafish");
        Assert.Equal(slug, search.GetProperty("hits")[0].GetProperty("slug").GetString());
        Assert.Contains(("created", "editor"), await AuditAsync(slug));
    }

    [Fact]
    public async Task Scripts_typed_into_an_answer_never_reach_a_page_or_the_preview()
    {
        var admin = await AdminAsync();
        var slug = "script-" + Guid.NewGuid().ToString("N")[..6];
        var answer = "Hello <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>";

        var preview = await admin.SubmitAndReadAsync("/admin/help/edit", Entry(slug, "Is this safe?", answer), "/admin/help/edit?handler=Preview");
        await admin.SubmitAsync("/admin/help/edit", Entry(slug, "Is this safe?", answer), "/admin/help/edit?handler=Save");
        var help = await admin.GetAsync("/help");

        foreach (var html in new[] { Between(preview, "data-testid=\"preview\"", "</section>"), Between(help, $"id=\"{slug}\"", "</article>") })
        {
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("href=\"javascript:", html);
        }
    }

    [Fact]
    public async Task A_taken_anchor_or_an_empty_answer_is_shown_in_the_form()
    {
        var admin = await AdminAsync();

        var taken = await admin.SubmitAndReadAsync("/admin/help/edit", Entry("refunds", "Another refund question?", "Text."), "/admin/help/edit?handler=Save");
        var empty = await admin.SubmitAndReadAsync("/admin/help/edit", Entry("fine-anchor", "A question?", ""), "/admin/help/edit?handler=Save");

        Assert.Contains("Another entry already uses this anchor", taken);
        Assert.Contains("Write the answer.", empty);
    }

    [Fact]
    public async Task Unpublishing_takes_an_entry_off_help_and_out_of_search_and_reordering_moves_it()
    {
        var admin = await AdminAsync();
        var id = await EntryIdAsync("backups");

        await admin.SubmitAsync("/admin/help", new Dictionary<string, string> { ["entryId"] = id.ToString(), ["published"] = "false" }, "/admin/help?handler=Publish");
        Assert.DoesNotContain("id=\"backups\"", await admin.GetAsync("/help"));
        var search = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/help/faq?q=backups rotation");
        Assert.DoesNotContain(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("slug").GetString() == "backups");

        await admin.SubmitAsync("/admin/help", new Dictionary<string, string> { ["entryId"] = id.ToString(), ["published"] = "true" }, "/admin/help?handler=Publish");
        await admin.SubmitAsync("/admin/help", new Dictionary<string, string> { ["entryId"] = id.ToString(), ["up"] = "true" }, "/admin/help?handler=Move");

        var help = await admin.GetAsync("/help");
        Assert.True(help.IndexOf("id=\"backups\"", StringComparison.Ordinal) < help.IndexOf("id=\"delete-conversation\"", StringComparison.Ordinal));
        var audit = await AuditAsync("backups");
        Assert.Contains(("unpublished", "editor"), audit);
        Assert.Contains(("published", "editor"), audit);
        Assert.Contains(("moved up", "editor"), audit);
    }

    [Fact]
    public async Task People_without_a_staff_role_cannot_edit_the_faq()
    {
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/identity/register", new { email = "plain@example.com", username = "plainuser", password = "a plain long passphrase" });
        var user = app.CreateFormClient();
        await user.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = "plainuser", ["Input.Password"] = "a plain long passphrase" });

        var response = await user.Http.GetAsync("/admin/help/edit");

        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    private async Task<FormClient> AdminAsync()
    {
        var admin = app.CreateFormClient();
        var response = await admin.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Login"] = FaqAdminFactory.Email, ["Input.Password"] = FaqAdminFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return admin;
    }

    private static Dictionary<string, string> Entry(string slug, string question, string answer) => new()
    {
        ["Entry.SectionId"] = "1", ["Entry.Slug"] = slug, ["Entry.Question"] = question, ["Entry.AnswerMarkdown"] = answer, ["Entry.Published"] = "true",
    };

    private async Task<int> EntryIdAsync(string slug)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM help.faq_entries WHERE slug = @slug", connection);
        command.Parameters.AddWithValue("slug", slug);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<(string Action, string Actor)>> AuditAsync(string slug)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT a.action, a.actor_name FROM help.faq_audit a JOIN help.faq_entries e ON e.id = a.entry_id WHERE e.slug = @slug ORDER BY a.id", connection);
        command.Parameters.AddWithValue("slug", slug);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..to];
    }
}
