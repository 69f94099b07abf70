using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace MediconGlobal.Web.Tests.Infrastructure;

/// <summary>Keeps the emails the portal sends so tests can check who was told what.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<SentEmail> _sent = new();

    public IReadOnlyList<SentEmail> Sent => _sent.ToList();

    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        _sent.Enqueue(new SentEmail(email, subject, htmlMessage));
        return Task.CompletedTask;
    }
}

public sealed record SentEmail(string To, string Subject, string Body);
