namespace MediconGlobal.Core.Domain;

/// <summary>Who takes a step, as the entities record it: the user's id and the name shown on timelines.</summary>
public sealed record Actor(string UserId, string Name);
