using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Common.Writing;

/// <summary>The limits the database model declares (maximum lengths), checked on the entity before it
/// is saved, so an over-long value is a problem named by its field on every database, never a 500
/// from PostgreSQL or a silent truncation. Text with control characters is refused here too (PostgreSQL
/// cannot store NUL, and no field of Chancery needs them).</summary>
public static class ModelLimits
{
    /// <summary>Checks every text property of <paramref name="entity"/>; <paramref name="fieldOf"/> names a
    /// property as the input names it (by default the property name in camelCase).</summary>
    public static void Check(DbContext db, object entity, Problems problems, Func<string, string>? fieldOf = null)
    {
        var type = db.Model.FindEntityType(entity.GetType());
        if (type is null) return;
        fieldOf ??= CamelCase;
        foreach (var property in type.GetProperties())
        {
            if (property.ClrType != typeof(string) || property.PropertyInfo is not { } info) continue;
            if (info.GetValue(entity) is not string value) continue;
            var field = fieldOf(property.Name);
            if (problems.Has(field)) continue;
            if (property.GetMaxLength() is { } max && value.Length > max) problems.Add(field, ErrorCodes.TooLong, max);
            else if (HasControlCharacters(value)) problems.Add(field, ErrorCodes.ControlCharacters);
        }
    }

    /// <summary>Tab, line feed and carriage return are text; every other control character is not.</summary>
    public static bool HasControlCharacters(string value)
    {
        foreach (var c in value)
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return true;
        return false;
    }

    public static string CamelCase(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
