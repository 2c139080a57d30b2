using System.Text.Json;

namespace Caicaini.Shared.Messaging;

/// <summary>One JSON shape for events at rest, so what the outbox writes the dispatcher can always read.</summary>
public static class IntegrationEventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string TypeName(Type eventType) => eventType.FullName!;

    public static string Serialize(IIntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    public static IIntegrationEvent Deserialize(string payload, Type eventType) =>
        (IIntegrationEvent)(JsonSerializer.Deserialize(payload, eventType, Options)
            ?? throw new JsonException($"Payload of {eventType.Name} is null."));
}
