using System.Text.Json;

namespace Caicaini.Testing;

/// <summary>Provider wire formats, as the real APIs send them.</summary>
public static class Wire
{
    public static IReadOnlyList<string> AnthropicStream(params string[] deltas) =>
    [
        """event: message_start""" + "\n" + """data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":10,"cache_read_input_tokens":100,"output_tokens":1}}}""",
        """event: content_block_start""" + "\n" + """data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
        """event: ping""" + "\n" + """data: {"type":"ping"}""",
        .. deltas.Select(d => "event: content_block_delta\ndata: " + JsonSerializer.Serialize(new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = d } })),
        """event: content_block_stop""" + "\n" + """data: {"type":"content_block_stop","index":0}""",
        // Cumulative: output_tokens is the total so far, not an increment.
        """event: message_delta""" + "\n" + """data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}""",
        """event: message_stop""" + "\n" + """data: {"type":"message_stop"}""",
    ];

    public static string AnthropicMessage(string text) =>
        """{"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":""" + JsonSerializer.Serialize(text) +
        """}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":10,"cache_read_input_tokens":100,"output_tokens":15}}""";

    private static string Chunk(string choices, string? usage = null) =>
        """data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"kimi-k2","choices":""" + choices + (usage is null ? "" : ""","usage":""" + usage) + "}";

    public const string UsageChunk = "usage-chunk", MoonshotChoiceUsage = "choice-usage";

    public static IReadOnlyList<string> OpenAiStream(string[] deltas, string usageStyle) =>
    [
        Chunk("""[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]"""),
        .. deltas.Select(d => Chunk("""[{"index":0,"delta":{"content":""" + JsonSerializer.Serialize(d) + """},"finish_reason":null}]""")),
        usageStyle == MoonshotChoiceUsage
            ? Chunk("""[{"index":0,"delta":{},"finish_reason":"stop","usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"cached_tokens":8}}]""")
            : Chunk("""[{"index":0,"delta":{},"finish_reason":"stop"}]"""),
        .. usageStyle == UsageChunk
            ? new[] { Chunk("[]", """{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"prompt_tokens_details":{"cached_tokens":8}}""") }
            : [],
        "data: [DONE]",
    ];

    public static string OpenAiCompletion(string text, bool standardUsage) =>
        """{"id":"c2","object":"chat.completion","created":1,"model":"kimi-k2","choices":[{"index":0,"message":{"role":"assistant","content":""" +
        JsonSerializer.Serialize(text) + """},"finish_reason":"stop"}],"usage":""" +
        (standardUsage
            ? """{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"prompt_tokens_details":{"cached_tokens":8}}"""
            : """{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"cached_tokens":8}""") + "}";
}
