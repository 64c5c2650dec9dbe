using Chancery.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Web.Directives.Notifications;

/// <summary>Delivers the outbox through the configured SMTP server (MailKit). Each mail is claimed first
/// (a conditional update only one instance wins), so two instances never send the same mail. Without a
/// server nothing is sent and the outbox is the record an administrator reads.</summary>
public sealed class MailSender(ChanceryDbContext db, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> log)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        if (!Configured) return 0;
        var mail = options.Value;
        var pending = await db.OutboxMails.AsNoTracking().Where(m => m.ClaimedAt == null).OrderBy(m => m.Id).Take(200).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        using var client = new SmtpClient();
        await client.ConnectAsync(mail.Host!, mail.Port, mail.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(mail.UserName)) await client.AuthenticateAsync(mail.UserName, mail.Password ?? "", ct);
        var sent = 0;
        foreach (var m in pending)
        {
            var now = clock.GetUtcNow();
            var claimed = await db.OutboxMails.Where(x => x.Id == m.Id && x.ClaimedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedAt, now), ct);
            if (claimed == 0) continue;
            try
            {
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse(mail.From));
                message.To.Add(MailboxAddress.Parse(m.To));
                message.Subject = m.Subject;
                message.Body = new TextPart("plain") { Text = m.Body };
                await client.SendAsync(message, ct);
                await db.OutboxMails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, clock.GetUtcNow()), ct);
                sent++;
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ParseException or IOException)
            {
                log.LogWarning(ex, "Mail {Id} could not be sent", m.Id);
                await db.OutboxMails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Error, ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message), ct);
            }
        }
        await client.DisconnectAsync(true, ct);
        return sent;
    }
}
