using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Chancery.Web.Data;

/// <summary>Runs the enumeration of a sequence a few batches ahead of its reader, through a bounded
/// channel: a bulk insert builds its audit entries (JSON text) while the provider writes the previous
/// ones, so on a machine with a second core the two overlap instead of taking turns. The source is
/// enumerated by one task, a step at a time and in order (it may resume on another pool thread after
/// waiting for room, never two at once), so it may use state that is not thread-safe. Neither side
/// blocks a thread: the reader awaits the next batch, the producer awaits room for its own.</summary>
internal static class ReadAheadEnumerable
{
    public static async IAsyncEnumerable<T> ReadAhead<T>(this IEnumerable<T> source,
        [EnumeratorCancellation] CancellationToken ct, int batchSize = 256, int batchesAhead = 4)
    {
        await foreach (var batch in source.ReadAheadInBatches(ct, batchSize, batchesAhead))
            foreach (var item in batch) yield return item;
    }

    /// <summary>The same, a batch at a time: a reader that handles many small items (a bulk insert's
    /// rows) awaits once per batch, not once per item.</summary>
    public static async IAsyncEnumerable<T[]> ReadAheadInBatches<T>(this IEnumerable<T> source,
        [EnumeratorCancellation] CancellationToken ct, int batchSize = 256, int batchesAhead = 4)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(batchesAhead)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The producer is a task of the pool that awaits room in the channel: while it waits it holds no
        // thread, and the reader's taking a batch resumes it directly (a dedicated thread blocked on the
        // channel would need a pool thread to wake it: twice the wake-ups).
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, batchSize, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(stop.Token))
                while (channel.Reader.TryRead(out var batch))
                    yield return batch;
            // The source's own exception (e.g. a failed check) reaches the reader here, as it was thrown.
            await producer;
        }
        finally
        {
            // A reader that stops early (its write failed, or it was cancelled) stops the producer too,
            // and waits for it: nothing may go on building rows from the caller's state once the caller
            // moves on.
            await stop.CancelAsync();
            try { await producer; }
            // Its error was thrown to the reader above already, or no longer matters: the reader stopped.
            catch (Exception) { }
        }
    }

    private static async Task ProduceAsync<T>(IEnumerable<T> source, ChannelWriter<T[]> writer, int batchSize, CancellationToken ct)
    {
        try
        {
            var batch = new List<T>(batchSize);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count < batchSize) continue;
                T[] full = [.. batch];
                if (!writer.TryWrite(full)) await writer.WriteAsync(full, ct);
                batch.Clear();
            }
            if (batch.Count > 0) await writer.WriteAsync([.. batch], ct);
        }
        // Completed without an error either way: an error reaches the reader through the producer's task.
        finally { writer.TryComplete(); }
    }
}
