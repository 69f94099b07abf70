using Quartz;

namespace MediconGlobal.Web.Infrastructure.Mail;

/// <summary>
/// The recurring Quartz job that sends what the outbox holds (ADR 1701). Every instance runs it every
/// <see cref="EmailOptions.OutboxPollSeconds"/>; the atomic claim of <see cref="OutboxSender"/>, not the scheduler,
/// keeps a message from going out twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(OutboxSender sender) : IJob
{
    public static readonly JobKey Key = new("mail-outbox");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.DeliverDueAsync(cancellationToken);
}

/// <summary>
/// The hourly Quartz job that deletes sent messages older than <see cref="EmailOptions.KeepSentDays"/> (ADR 1701).
/// Every instance runs it; a delete that finds nothing left by another instance is harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxRetentionJob(OutboxSender sender) : IJob
{
    public static readonly JobKey Key = new("mail-outbox-retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.DeleteSentAsync(cancellationToken);
}
