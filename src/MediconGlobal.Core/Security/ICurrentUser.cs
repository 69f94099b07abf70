namespace MediconGlobal.Core.Security;

/// <summary>Who is acting, for audit fields and attribution. The web project reads it from the request.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    string? UserName { get; }
}

/// <summary>Used outside a request (start-up seeding, command-line tools).</summary>
public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;

    public string? UserName => RecordedActors.System;
}
