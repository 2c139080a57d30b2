namespace Caicaini.Shared.Messaging;

/// <summary>One consumer of one event type, registered by the consuming module.</summary>
public sealed record IntegrationEventSubscription(Type EventType, Type HandlerType);

/// <summary>Which handlers consume which event type, keyed by the stored type name.</summary>
public sealed class IntegrationEventRegistry(IEnumerable<IntegrationEventSubscription> subscriptions)
{
    private readonly Dictionary<string, (Type EventType, Type[] Handlers)> _byName = subscriptions
        .GroupBy(s => s.EventType)
        .ToDictionary(
            g => IntegrationEventSerializer.TypeName(g.Key),
            g => (g.Key, g.Select(s => s.HandlerType).Distinct().ToArray()));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.MethodInfo> _handleMethods = new();

    /// <summary><c>IIntegrationEventHandler&lt;TEvent&gt;.Handle</c> for an event type, looked up once.</summary>
    public System.Reflection.MethodInfo HandleMethod(Type eventType) =>
        _handleMethods.GetOrAdd(eventType, type => typeof(IIntegrationEventHandler<>).MakeGenericType(type).GetMethod("Handle")!);

    /// <summary>False when nobody consumes the event: the dispatcher then just marks it processed.</summary>
    public bool TryGet(string typeName, out Type eventType, out IReadOnlyList<Type> handlerTypes)
    {
        if (_byName.TryGetValue(typeName, out var entry))
        {
            (eventType, handlerTypes) = (entry.EventType, entry.Handlers);
            return true;
        }
        (eventType, handlerTypes) = (typeof(object), []);
        return false;
    }
}
