using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Chancery.Web.Common.Audit;

/// <summary>Writes an audit entry's Changes text, { "Property": { "Before": …, "After": … }, … }, for the
/// interceptor and the bulk import alike. A side with no value is left out rather than written as null,
/// and a property with no value on either side is left out whole: a created record's entry lists what
/// was set ({ "Title": { "After": … } }), not every field as null → value. <see cref="AuditChanges.Parse"/>
/// reads a missing side as "no value", so entries stored before in the longer form read the same.
/// Values are written as the serialiser writes them (same escaping, enums by name, dates ISO). Written
/// straight into one reused buffer: a 100,000-row import writes 100,000 entries.</summary>
public sealed class AuditChangesWriter : IDisposable
{
    private static readonly JsonEncodedText Before = JsonEncodedText.Encode("Before");
    private static readonly JsonEncodedText After = JsonEncodedText.Encode("After");

    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _json;

    public AuditChangesWriter()
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = AuditInterceptor.JsonOptions.Encoder });
    }

    /// <summary>The whole text for a set of changes.</summary>
    internal static string ToJson(IEnumerable<KeyValuePair<string, AuditInterceptor.ValueChange>> changes)
    {
        using var writer = new AuditChangesWriter();
        writer.Begin();
        foreach (var (name, change) in changes) writer.Change(name, change.Before, change.After);
        return writer.End();
    }

    public void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
    }

    public void Change(string property, object? before, object? after)
    {
        if (before is null && after is null) return;
        _json.WritePropertyName(property);
        _json.WriteStartObject();
        if (before is not null)
        {
            _json.WritePropertyName(Before);
            WriteValue(before);
        }
        if (after is not null)
        {
            _json.WritePropertyName(After);
            WriteValue(after);
        }
        _json.WriteEndObject();
    }

    /// <summary>A record being created: no value before.</summary>
    public void Created(string property, object? value) => Change(property, null, value);

    public string End()
    {
        _json.WriteEndObject();
        _json.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose() => _json.Dispose();

    private void WriteValue(object value)
    {
        switch (value)
        {
            case string text: _json.WriteStringValue(text); break;
            case int number: _json.WriteNumberValue(number); break;
            case long number: _json.WriteNumberValue(number); break;
            case bool flag: _json.WriteBooleanValue(flag); break;
            case DateOnly date:
                Span<char> iso = stackalloc char[10];
                date.TryFormat(iso, out var length, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                _json.WriteStringValue(iso[..length]);
                break;
            // Enums (by name, through the string-enum converter), DateTime and anything else: as the
            // serialiser writes the value's runtime type.
            default: JsonSerializer.Serialize(_json, value, value.GetType(), AuditInterceptor.JsonOptions); break;
        }
    }
}
