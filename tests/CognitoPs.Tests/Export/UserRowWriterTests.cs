using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CognitoPs.Client;
using CognitoPs.Commands;
using Xunit;

namespace CognitoPs.Tests
{
    public class UserRowWriterTests
    {
        private static readonly UserRecord Ann = new UserRecord
        {
            Username = "ann",
            Status = "CONFIRMED",
            Enabled = true,
            Created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Attributes = new[] { new KeyValuePair<string, string>("email", "ann@example.com"), new KeyValuePair<string, string>("custom:team", "ops, \"core\"\nnight") },
        };

        private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

        [Fact]
        public void CsvQuotesWhatWouldBreakARowAndWritesEveryColumnInOrder()
        {
            var writer = UserRowWriter.For(CognitoExportFormat.Csv, new[] { "email", "given_name", "custom:team" }, includeGroups: true);

            Assert.Equal("Username,Status,Enabled,Created,Modified,email,given_name,custom:team,Groups\r\n", Text(writer.Header()));
            Assert.Equal("ann,CONFIRMED,true,2026-01-01T00:00:00.000Z,,ann@example.com,,\"ops, \"\"core\"\"\nnight\",all;ops\r\n",
                Text(writer.Row(Ann, new[] { "all", "ops" }, first: true)));
        }

        [Fact]
        public void CognitoImportFillsGetCsvHeadersColumnsExactly()
        {
            var writer = UserRowWriter.For(CognitoExportFormat.CognitoImport, new[] { "given_name", "email", "cognito:mfa_enabled", "cognito:username" }, includeGroups: false);

            Assert.Equal("given_name,email,cognito:mfa_enabled,cognito:username\r\n", Text(writer.Header()));
            Assert.Equal(",ann@example.com,false,ann\r\n", Text(writer.Row(Ann, Array.Empty<string>(), first: true)));
        }

        [Fact]
        public void JsonPiecesMakeOneArrayWhereverTheFileWasCut()
        {
            var writer = UserRowWriter.For(CognitoExportFormat.Json, new[] { "email", "custom:team" }, includeGroups: true);

            var text = Text(writer.Header()) + Text(writer.Row(Ann, new[] { "ops" }, first: true)) + Text(writer.Row(Ann, Array.Empty<string>(), first: false)) + Text(writer.End());

            using var document = JsonDocument.Parse(text);
            var users = document.RootElement.EnumerateArray().ToArray();
            Assert.Equal(2, users.Length);
            Assert.Equal("ops, \"core\"\nnight", users[0].GetProperty("Attributes").GetProperty("custom:team").GetString());
            Assert.Equal("ops", users[0].GetProperty("Groups")[0].GetString());
            Assert.Contains("\\\"core\\\"", text);   // quotes escaped the readable way, \", not as \u0022
            Assert.DoesNotContain("\\u0022", text);
        }
    }
}
