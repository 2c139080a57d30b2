using Caicaini.Models.Domain;

namespace Caicaini.Models.Tests;

/// <summary>The auto router's table: labelled prompts and the model each must get.</summary>
public sealed class RouterTests
{
    private const string Opus = "caicaini/opus", Sonnet = "caicaini/sonnet", Haiku = "caicaini/haiku", Kimi = "caicaini/kimi";

    public static TheoryData<string, int, string> Prompts => new()
    {
        // Short factual → a fast model
        { "What is the capital of France?", 0, Haiku },
        { "Who wrote Hamlet?", 0, Haiku },
        { "When did World War II end?", 0, Haiku },
        { "How many ounces in a pound?", 0, Haiku },
        { "Define photosynthesis.", 0, Haiku },
        { "What's the boiling point of water in Fahrenheit?", 0, Haiku },
        { "Translate 'good morning' into Spanish", 0, Haiku },
        { "Is a tomato a fruit?", 2, Haiku },
        { "What time zone is Tokyo in?", 0, Haiku },
        { "Which planet is the largest?", 0, Haiku },
        { "Convert 10 km to miles", 0, Haiku },
        { "Synonym for happy?", 4, Haiku },
        { "法国的首都是哪里？", 0, Kimi },
        { "日本の首都はどこですか？", 0, Kimi },
        { "세계에서 가장 높은 산은?", 0, Kimi },
        { "光速是多少？", 2, Kimi },
        // Everyday → sonnet
        { "Write a friendly email to my landlord asking to fix the heating, which has been broken for a week, and mention I work from home.", 0, Sonnet },
        { "Summarise the main ideas of stoicism and how I could apply them to a stressful job where my manager keeps changing priorities.", 0, Sonnet },
        { "Explain how vaccines train the immune system.", 0, Sonnet },
        { "Give me a detailed packing list for a week of hiking in Scotland in October.", 0, Sonnet },
        { "Compare Python and Go for a small web service.", 0, Sonnet },
        { "Fix this: ```\nfor i in range(10)\n    print(i)\n```", 0, Sonnet },
        { "What does this regex do: ^\\d{3}-\\d{4}$", 0, Sonnet },
        { "Rewrite this paragraph to sound more confident: I think maybe we could possibly consider launching next month if everything goes fine and nobody objects to it.", 0, Sonnet },
        { "And what about the second option?", 8, Sonnet },
        { "Solve for x: 3x + 7 = 22", 0, Sonnet },
        { "Write a short story about a lighthouse keeper who finds a message in a bottle, about 300 words, in a warm tone.", 0, Sonnet },
        { "Plan a three-day itinerary in Lisbon for a family with two kids who like museums and beaches.", 0, Sonnet },
        { "Write a SQL query that returns the ten customers with the highest total order value last year, from tables customers and orders.", 0, Sonnet },
        { "What are the pros and cons of renting versus buying a flat in Berlin?", 0, Sonnet },
        // Hard reasoning, proofs, long code → opus
        { "Prove that there are infinitely many primes.", 0, Opus },
        { "Prove by induction that the sum of the first n odd numbers is n^2.", 0, Opus },
        { "Derive the closed form of the integral of x e^x dx and prove it is correct.", 0, Opus },
        { "What is the time complexity of this algorithm and can you optimize the algorithm? ```\nfor i in a:\n  for j in a:\n    for k in a:\n      s += i*j*k\n```", 0, Opus },
        { "Design the architecture for a distributed consensus system and discuss the trade-offs between Raft and Paxos.", 0, Opus },
        { "Find the race condition in this code:\n```csharp\nif (!cache.ContainsKey(k)) {\n  cache[k] = Load(k);\n}\nreturn cache[k];\n```", 0, Opus },
        { "Is this problem NP-hard? Give a rigorous proof by reduction from 3-SAT.", 0, Opus },
        { "Explain in detail, step by step, how to derive the Black-Scholes equation.", 0, Opus },
        { "Give a counterexample showing this invariant does not hold after a deadlock is broken.", 0, Opus },
        { "Solve this dynamic programming problem with a proof of correctness: the minimum number of coins for amount n.", 0, Opus },
        { "Prove that the eigenvalues of a real symmetric matrix are real.", 0, Opus },
        { "Refactor this module:\n```\n" + string.Concat(Enumerable.Repeat("var x = compute(y);\n", 90)) + "```", 0, Opus },
    };

    [Theory]
    [MemberData(nameof(Prompts))]
    public void Auto_routes_each_prompt_to_the_expected_model_with_a_reason(string prompt, int historyTurns, string expected)
    {
        var decision = AutoRouter.Route(prompt, new TokenCounter().Count(prompt), historyTurns);

        Assert.True(expected == decision.ModelId, $"“{prompt}” → {decision.ModelId} ({decision.Reason}), expected {expected}");
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void The_table_has_at_least_forty_prompts_covering_every_model() =>
        Assert.True(Prompts.Count() >= 40 && new[] { Opus, Sonnet, Haiku, Kimi }.All(m => Prompts.Any(row => (string)row[2] == m)));

    [Fact]
    public void A_long_pasted_text_is_not_treated_as_a_short_question()
    {
        var text = "Summarise: " + string.Concat(Enumerable.Repeat("The committee met and discussed the budget at length. ", 300));

        Assert.NotEqual(Haiku, AutoRouter.Route(text, new TokenCounter().Count(text), 0).ModelId);
    }
}
