using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Chancery.Web.Data;

/// <summary>Runs the enumeration of a sequence on another thread, a few batches ahead of its reader.
/// A bulk insert builds each row (entity, search text, audit text) while the provider writes the
/// previous ones: on a machine with a second core the two overlap instead of taking turns. The source
/// is still enumerated by one thread only, in order, so it may use state that is not thread-safe. The
/// reader awaits the next batch (a bounded channel), so it never blocks a thread of the pool.</summary>
internal static class ReadAheadEnumerable
{
    public static async IAsyncEnumerable<T> ReadAhead<T>(this IEnumerable<T> source,
        [EnumeratorCancellation] CancellationToken ct, int batchSize = 256, int batchesAhead = 8)
    {
        await foreach (var batch in source.ReadAheadInBatches(ct, batchSize, batchesAhead))
            foreach (var item in batch) yield return item;
    }

    /// <summary>The same, a batch at a time: a reader that handles many small items (a bulk insert's
    /// rows) awaits once per batch, not once per item.</summary>
    public static async IAsyncEnumerable<T[]> ReadAheadInBatches<T>(this IEnumerable<T> source,
        [EnumeratorCancellation] CancellationToken ct, int batchSize = 256, int batchesAhead = 8)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(batchesAhead)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A thread of its own (LongRunning): the producer runs for as long as the reader reads (seconds,
        // for an import), which would hold a thread-pool thread that requests need. Waiting for room in
        // the channel blocks that thread only.
        var producer = Task.Factory.StartNew(() => Produce(source, channel.Writer, batchSize, stop.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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

    private static void Produce<T>(IEnumerable<T> source, ChannelWriter<T[]> writer, int batchSize, CancellationToken ct)
    {
        try
        {
            var batch = new List<T>(batchSize);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count < batchSize) continue;
                Write(writer, [.. batch], ct);
                batch.Clear();
            }
            if (batch.Count > 0) Write(writer, [.. batch], ct);
        }
        // Completed without an error either way: an error reaches the reader through the producer's task.
        finally { writer.TryComplete(); }
    }

    private static void Write<T>(ChannelWriter<T[]> writer, T[] batch, CancellationToken ct)
    {
        if (writer.TryWrite(batch)) return;
        writer.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
    }
}
