using Microsoft.Extensions.Time.Testing;

namespace Caicaini.Testing;

/// <summary>A clock tests move by hand, starting at a fixed, realistic instant.</summary>
public sealed class AdjustableClock() : FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
