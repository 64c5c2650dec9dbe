using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Chancery.Web.Data;

/// <summary>One prepared SQLite INSERT, bound by position and stepped once per row, on the connection
/// (and so inside the transaction) EF uses. Straight on the native statement rather than through a
/// SqliteCommand: per row the command re-resolves every parameter by name, boxes every value and
/// makes a data reader, which cost about a third of the insert time. Values are bound as
/// Microsoft.Data.Sqlite binds them (integers, text; dates as text in its formats), so rows read
/// back exactly as if EF had written them.</summary>
internal sealed class SqliteBulkSink : IBulkSink, IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private int _index;
    private byte[] _utf8 = new byte[4096];

    public SqliteBulkSink(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void WriteNull() => Check(raw.sqlite3_bind_null(_statement, ++_index));

    public void Write<TValue>(TValue value)
    {
        var i = ++_index;
        // typeof(TValue) tests vanish when the JIT compiles this method for each value type.
        if (typeof(TValue) == typeof(string)) BindText(i, (string)(object)value!);
        else if (typeof(TValue) == typeof(int)) Check(raw.sqlite3_bind_int64(_statement, i, (int)(object)value!));
        else if (typeof(TValue) == typeof(long)) Check(raw.sqlite3_bind_int64(_statement, i, (long)(object)value!));
        else if (typeof(TValue) == typeof(short)) Check(raw.sqlite3_bind_int64(_statement, i, (short)(object)value!));
        else if (typeof(TValue) == typeof(byte)) Check(raw.sqlite3_bind_int64(_statement, i, (byte)(object)value!));
        else if (typeof(TValue) == typeof(bool)) Check(raw.sqlite3_bind_int64(_statement, i, (bool)(object)value! ? 1 : 0));
        else if (typeof(TValue) == typeof(double)) Check(raw.sqlite3_bind_double(_statement, i, (double)(object)value!));
        else if (typeof(TValue) == typeof(float)) Check(raw.sqlite3_bind_double(_statement, i, (float)(object)value!));
        else if (typeof(TValue) == typeof(byte[])) Check(raw.sqlite3_bind_blob(_statement, i, (byte[])(object)value!));
        // As Microsoft.Data.Sqlite binds a decimal (EF keeps decimals as TEXT on SQLite): the same text reads back.
        else if (typeof(TValue) == typeof(decimal)) BindText(i, (decimal)(object)value!, "0.0###########################");
        else if (typeof(TValue) == typeof(DateOnly)) BindText(i, (DateOnly)(object)value!, @"yyyy\-MM\-dd");
        else if (typeof(TValue) == typeof(DateTime)) BindText(i, (DateTime)(object)value!, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF");
        else if (typeof(TValue) == typeof(DateTimeOffset)) BindText(i, (DateTimeOffset)(object)value!, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz");
        else throw new NotSupportedException($"Bulk insert into SQLite does not handle {typeof(TValue).Name} values yet.");
    }

    /// <summary>Runs the INSERT with the values bound since the last row.</summary>
    public void EndRow()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        _index = 0;
    }

    public void Dispose() => raw.sqlite3_finalize(_statement);

    /// <summary>Text goes in as UTF-8 (the database's encoding), transcoded here into one reused buffer:
    /// .NET's transcoder is vectorised, SQLite's own (for UTF-16 input) is not, and audit texts are long.</summary>
    private void BindText(int index, ReadOnlySpan<char> text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < most) _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
    }

    private void BindText<T>(int index, T value, string format) where T : ISpanFormattable
    {
        // A decimal in the format above takes up to 31 characters; dates fewer.
        Span<char> text = stackalloc char[64];
        if (!value.TryFormat(text, out var length, format, CultureInfo.InvariantCulture)) throw new FormatException(format);
        BindText(index, text[..length]);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

/// <summary>Rows of a binary COPY, each value written with its own type and the column's PostgreSQL
/// type name (a boxed value makes Npgsql resolve its type again for every value).</summary>
internal sealed class NpgsqlBulkSink(NpgsqlBinaryImporter importer, string[] columnTypes) : IBulkSink
{
    private int _column;

    public void StartRow()
    {
        importer.StartRow();
        _column = 0;
    }

    public void Write<TValue>(TValue value) => importer.Write(value, columnTypes[_column++]);

    public void WriteNull()
    {
        importer.WriteNull();
        _column++;
    }
}
