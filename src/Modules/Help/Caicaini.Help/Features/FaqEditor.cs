namespace Caicaini.Help.Features;

/// <summary>Who is changing the FAQ: the Host passes the signed-in staff member; the audit keeps it.</summary>
public sealed record FaqEditor(Guid Id, string Name);
