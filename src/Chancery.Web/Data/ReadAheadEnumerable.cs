using System.Collections.Concurrent;

namespace Chancery.Web.Data;

/// <summary>Runs the enumeration of a sequence on another thread, a few batches ahead of its reader.
/// A bulk insert builds each row (entity, search text, audit text) while the provider writes the
/// previous ones: on a machine with a second core the two overlap instead of taking turns. The source
/// is still enumerated by one thread only, in order, so it may use state that is not thread-safe.</summary>
internal static class ReadAheadEnumerable
{
    public static IEnumerable<T> ReadAhead<T>(this IEnumerable<T> source, CancellationToken ct, int batchSize = 256, int batchesAhead = 8)
    {
        using var queue = new BlockingCollection<T[]>(batchesAhead);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A thread of its own (LongRunning): the producer runs for as long as the reader reads (seconds,
        // for an import), which would hold a thread-pool thread that requests need.
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count < batchSize) continue;
                    queue.Add([.. batch], stop.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) queue.Add([.. batch], stop.Token);
            }
            finally { queue.CompleteAdding(); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
                foreach (var item in batch) yield return item;
            // The source's own exception (e.g. a failed check) reaches the reader here.
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // A reader that stops early (its write failed) stops the producer too, and waits for it:
            // nothing may go on building rows from the caller's state once the caller moves on.
            stop.Cancel();
            try { producer.Wait(CancellationToken.None); }
            catch (AggregateException) { }
        }
    }
}
