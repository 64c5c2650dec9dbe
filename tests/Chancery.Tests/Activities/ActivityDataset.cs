using System.Net.Http.Json;
using System.Text;
using Chancery.Web.Common.Import;

namespace Chancery.Tests.Activities;

/// <summary>A hand-built year (2025) of activities exercising every counting rule of the annual review.
/// The expected figures are worked out in Reports/AnnualReviewTests.cs from this list.</summary>
public static class ActivityDataset
{
    public const string Header = "id,kind,date_start,date_end,status,leader_role,leader_name,direction,countries_iso3,counterpart_name,counterpart_role,host_or_venue,title,part_of,channel,classification,source,notes";

    // leader_office_change=extend: other tests of a shared app may have recorded these leaders' offices over
    // other dates first; the dataset widens them, as a file must now say explicitly. Lê Văn Thành is
    // only in this file, which gives him his two offices.
    public const string Csv = Header + ",leader_office_change\n" +
        // A three-leg trip: France, Switzerland, back to France (2 countries, one repeated).
        "t1,state_visit,2025-06-10,2025-06-18,completed,Prime Minister,Phạm Minh Chính,outgoing,FRA;CHE;FRA,,,Paris,Trip to France and Switzerland,,government,internal,Government portal ; VNA,,extend\n" +
        // A conference attended during the trip, and two bilateral meetings on its sidelines.
        "c1,multilateral_conference,2025-06-12,2025-06-13,completed,Prime Minister,Phạm Minh Chính,,,,,Geneva,Summit in Geneva,t1,government,internal,,,extend\n" +
        "b1,bilateral_meeting,2025-06-12,2025-06-12,,Prime Minister,Phạm Minh Chính,,CHE,Karin Keller-Sutter,President,Geneva,Meeting the Swiss President,c1,government,,,,extend\n" +
        "b2,bilateral_meeting,2025-06-13,2025-06-13,,Prime Minister,Phạm Minh Chính,,DEU,Friedrich Merz,Chancellor,Geneva,Meeting the German Chancellor,c1,,,,,extend\n" +
        // France again, on a second trip by another leader.
        "v2,official_visit,2025-10-05,2025-10-07,completed,Chủ tịch nước,Lương Cường,outgoing,FRA,,,Paris,Second visit to France,,state,,,,extend\n" +
        // Cancelled and planned visits.
        "x1,working_visit,2025-11-20,2025-11-22,cancelled,National Assembly Chairman,Trần Thanh Mẫn,outgoing,JPN,,,Tokyo,Cancelled visit to Japan,,national_assembly,,,,extend\n" +
        "p1,official_visit,2025-12-10,2025-12-12,planned,Prime Minister,Phạm Minh Chính,outgoing,KOR,,,Seoul,Planned visit to Korea,,,,,,extend\n" +
        // A leader who changes office mid-year: deputy (tier 2) in March, prime minister (tier 1) in September.
        "m1,working_visit,2025-03-05,2025-03-06,completed,Deputy Prime Minister,Lê Văn Thành,outgoing,LAO,,,Vientiane,Visit to Laos as deputy,,,,,\n" +
        "m2,official_visit,2025-09-01,2025-09-03,completed,Thủ tướng,Lê Văn Thành,outgoing,KHM,,,Phnom Penh,Visit to Cambodia as prime minister,,,,,\n" +
        // Incoming: a foreign minister (below tier-1 rank), the UN Secretary-General (no country), a head of government.
        "i1,incoming_visit,2025-04-02,2025-04-03,,Prime Minister,Phạm Minh Chính,incoming,USA,Marco Rubio,Secretary of State,Hanoi,Visit by the US Secretary of State,,,,,,extend\n" +
        "i2,incoming_visit,2025-05-20,2025-05-21,,Prime Minister,Phạm Minh Chính,incoming,,António Guterres,UN Secretary-General,Hanoi,Visit by the UN Secretary-General,,,,,,extend\n" +
        "i3,incoming_visit,2025-06-03,2025-06-05,,Chủ tịch nước,Lương Cường,incoming,AUS,Anthony Albanese,Prime Minister,Hanoi,Visit by the Australian Prime Minister,,,,,,extend\n" +
        "pc,phone_call,2025-02-14,2025-02-14,,Prime Minister,Phạm Minh Chính,,JPN,Shigeru Ishiba,Prime Minister,,Call with the Japanese Prime Minister,,,,,,extend\n" +
        "ot,online_talk,2025-07-01,2025-07-01,,Chủ tịch nước,Lương Cường,,CHN,,,,Online talks with China,,,,,,extend\n" +
        // A confidential visit, hidden from a reader with internal clearance.
        "s1,official_visit,2025-08-01,2025-08-03,completed,Prime Minister,Phạm Minh Chính,outgoing,IND,,,New Delhi,Visit to India,,,confidential,,,extend\n" +
        // Before the period.
        "o1,official_visit,2024-12-20,2024-12-22,completed,Prime Minister,Phạm Minh Chính,outgoing,ITA,,,Rome,Visit to Italy,,,,,,extend\n";

    public const int Rows = 16;

    public static async Task<(HttpResponseMessage Response, ImportOutcome? Outcome)> ImportAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync("/api/v1/activities/import", content, TestContext.Current.CancellationToken);
        var outcome = await response.Content.ReadFromJsonAsync<ImportOutcome>(TestContext.Current.CancellationToken);
        return (response, outcome);
    }

    public static async Task EnsureImportedAsync(HttpClient client)
    {
        var (response, outcome) = await ImportAsync(client, Csv);
        response.IsSuccessStatusCode.ShouldBeTrue(string.Join("; ", outcome?.Problems.Select(p => $"{p.Line}/{p.Column}: {p.Reason}") ?? []));
    }
}
