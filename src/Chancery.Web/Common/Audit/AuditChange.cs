using System.Text.Json;

namespace Chancery.Web.Common.Audit;

/// <summary>One property's change as shown to a reader; null means "no value".</summary>
public sealed record AuditChange(string Property, string? Before, string? After);

public static class AuditChanges
{
    /// <summary>Reads the interceptor's Changes JSON ({"Prop":{"Before":..,"After":..}}) into rows,
    /// in the order written. Unreadable JSON yields no rows rather than breaking the audit page.</summary>
    public static IReadOnlyList<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
            var rows = new List<AuditChange>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind != JsonValueKind.Object) continue;
                rows.Add(new AuditChange(property.Name, Text(value, "Before"), Text(value, "After")));
            }
            return rows;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement change, string name)
    {
        if (!change.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }
}
