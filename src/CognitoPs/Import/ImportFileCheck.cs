using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CognitoPs
{
    /// <summary>
    /// Checks an import file before anything is created, as Cognito's import job would judge it: the header must hold
    /// exactly GetCSVHeader's columns; each row its cognito:username (once in the file), a field per column, at most
    /// 16,000 characters, true or false in the boolean columns, the pool's required attributes, and a verified email or
    /// phone number where that attribute is a sign-in name; at most 500,000 rows. Reads one row at a time.
    /// </summary>
    internal sealed class ImportFileCheck
    {
        public const long MaxBytes = 100L * 1024 * 1024;
        public const int MaxRows = 500_000;
        public const int MaxRowLength = 16_000;
        private const string UsernameColumn = "cognito:username";
        private const string MfaColumn = "cognito:mfa_enabled";
        private static readonly string[] VerifiedColumns = { "email_verified", "phone_number_verified" };
        private readonly IReadOnlyList<string> _header;
        private readonly IReadOnlyList<string> _required;
        private readonly IReadOnlyList<string> _signInAttributes;

        /// <param name="header">GetCSVHeader's columns.</param>
        /// <param name="required">The pool's required attributes.</param>
        /// <param name="signInAttributes">Attributes users sign in with (username attributes and aliases): each needs its _verified column true.</param>
        public ImportFileCheck(IReadOnlyList<string> header, IReadOnlyList<string> required, IReadOnlyList<string> signInAttributes)
        {
            _header = header;
            _required = required;
            _signInAttributes = signInAttributes.Where(a => a is "email" or "phone_number").ToList();
        }

        /// <summary>Rows read (not counting the header).</summary>
        public int Rows { get; private set; }

        public IEnumerable<ImportProblem> Check(TextReader text)
        {
            var reader = new CsvRecordReader(text);
            var header = reader.Next();
            if (header is null)
            {
                yield return new ImportProblem(1, "ImportFileEmpty", "The file is empty: it needs GetCSVHeader's header line and a line per user.");
                yield break;
            }

            var headerProblem = HeaderProblem(header.Fields);
            if (headerProblem != null)
            {
                yield return new ImportProblem(1, "ImportHeaderMismatch", headerProblem);
                yield break;
            }

            var column = header.Fields.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (reader.Next() is { } record)
            {
                if (record.IsBlank)
                {
                    continue;
                }

                if (++Rows > MaxRows)
                {
                    yield return new ImportProblem(record.Line, "ImportFileTooLong", $"The file has more than {MaxRows:N0} users, Cognito's limit for one import job; split it.");
                    yield break;
                }

                var problem = RowProblem(record, column, seen);
                if (problem != null)
                {
                    yield return new ImportProblem(record.Line, problem.Value.ErrorId, problem.Value.Message);
                }
            }
        }

        private string? HeaderProblem(IReadOnlyList<string> columns)
        {
            var missing = _header.Except(columns, StringComparer.Ordinal).ToList();
            var unknown = columns.Except(_header, StringComparer.Ordinal).ToList();
            var repeated = columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (missing.Count == 0 && unknown.Count == 0 && repeated.Count == 0)
            {
                return null;
            }

            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add("missing " + string.Join(", ", missing));
            }

            if (unknown.Count > 0)
            {
                parts.Add("not in the pool " + string.Join(", ", unknown));
            }

            if (repeated.Count > 0)
            {
                parts.Add("twice " + string.Join(", ", repeated));
            }

            return $"The header must hold exactly the columns GetCSVHeader names for this pool ({string.Join("; ", parts)}). Export-CognitoUser -Format CognitoImport writes such a file.";
        }

        private (string ErrorId, string Message)? RowProblem(CsvRecord record, Dictionary<string, int> column, Dictionary<string, int> seen)
        {
            if (record.UnterminatedQuote)
            {
                return ("ImportRowUnterminatedQuote", "A quoted field is not closed before the end of the file.");
            }

            if (record.Length > MaxRowLength)
            {
                return ("ImportRowTooLong", $"The row has {record.Length:N0} characters; Cognito takes at most {MaxRowLength:N0}.");
            }

            if (record.Fields.Count != column.Count)
            {
                return ("ImportRowFieldCount", $"The row has {record.Fields.Count} fields; the header has {column.Count}.");
            }

            string Value(string name) => column.TryGetValue(name, out var i) ? record.Fields[i] : "";
            var username = Value(UsernameColumn);
            if (string.IsNullOrWhiteSpace(username))
            {
                return ("ImportUsernameMissing", "cognito:username is empty.");
            }

            if (seen.TryGetValue(username, out var first))
            {
                return ("ImportDuplicateUsername", $"User '{username}' is already on line {first}.");
            }

            seen[username] = record.Line;
            if (!IsBoolean(Value(MfaColumn)))
            {
                return ("ImportInvalidBoolean", $"cognito:mfa_enabled of '{username}' is '{Value(MfaColumn)}'; it must be true or false.");
            }

            foreach (var name in VerifiedColumns)
            {
                if (Value(name).Length > 0 && !IsBoolean(Value(name)))
                {
                    return ("ImportInvalidBoolean", $"{name} of '{username}' is '{Value(name)}'; it must be true, false or empty.");
                }
            }

            var missing = _required.FirstOrDefault(name => column.ContainsKey(name) && Value(name).Length == 0);
            if (missing != null)
            {
                return ("ImportRequiredAttributeMissing", $"'{username}' has no {missing}, which the pool requires.");
            }

            var unverified = _signInAttributes.FirstOrDefault(name => Value(name).Length > 0 && !string.Equals(Value(name + "_verified"), "true", StringComparison.OrdinalIgnoreCase));
            if (unverified != null)
            {
                return ("ImportSignInAttributeNotVerified", $"'{username}' signs in with {unverified}, so {unverified}_verified must be true.");
            }

            return null;
        }

        private static bool IsBoolean(string value) =>
            string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
    }
}
