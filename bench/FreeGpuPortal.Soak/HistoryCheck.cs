using Microsoft.Data.Sqlite;

namespace FreeGpuPortal.Soak;

/// <summary>The saves the admin saw confirmed, against the history rows in the portal's database after the run.</summary>
public sealed record HistoryCheck(int RowsWithSoakNote, int ConfirmedSavesFound, int DuplicateNotes)
{
    public static async Task<HistoryCheck> CompareAsync(string databasePath, IReadOnlyList<int> savedChangeIds, string notePrefix)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        var rows = new Dictionary<int, string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id, Note FROM CatalogChanges WHERE Kind = 'Edit' AND Note LIKE $prefix";
            command.Parameters.AddWithValue("$prefix", notePrefix + "%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        return new HistoryCheck(
            rows.Count,
            savedChangeIds.Count(rows.ContainsKey),
            rows.Count - rows.Values.Distinct(StringComparer.Ordinal).Count());
    }
}
