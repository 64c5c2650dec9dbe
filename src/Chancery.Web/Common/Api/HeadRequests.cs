namespace Chancery.Web.Common.Api;

/// <summary>HEAD answers wherever GET does, with the same status and headers (Content-Length, ETag,
/// Content-Type) and no body: the request is routed and run as the GET, its body counted and dropped.
/// Must run before routing, which matches endpoints by method.</summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        var counter = new CountingSink();
        context.Response.Body = counter;
        try
        {
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentLength is null) context.Response.ContentLength = counter.Length;
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });

    /// <summary>Counts what a GET would have sent.</summary>
    private sealed class CountingSink : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
