using System;
using System.Collections.Generic;
using System.Linq;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Get-CognitoUser's criteria, split into the one ListUsers filter Cognito accepts and the rest, which are checked
    /// on each returned user. The server-side filter is the most selective one given: -Filter, then -Email,
    /// -UsernamePrefix, -Status, and -Enabled/-Disabled. Dates (created, modified) cannot be filtered by Cognito: they are
    /// always checked here.
    /// </summary>
    internal sealed class UserQuery
    {
        private readonly List<Func<UserRecord, bool>> _clientSide = new List<Func<UserRecord, bool>>();

        public UserQuery(string? rawFilter, string? email, string? usernamePrefix, CognitoUserStatus? status, bool? enabled, DateWindow? created = null, DateWindow? modified = null)
        {
            var criteria = new List<(string Filter, Func<UserRecord, bool> Test)>();
            if (email != null)
            {
                criteria.Add((Filter("email", "=", email), u => string.Equals(Attribute(u, "email"), email, StringComparison.OrdinalIgnoreCase)));
            }

            if (usernamePrefix != null)
            {
                criteria.Add((Filter("username", "^=", usernamePrefix), u => u.Username.StartsWith(usernamePrefix, StringComparison.Ordinal)));
            }

            if (status != null)
            {
                var name = status.Value.ToString();
                criteria.Add((Filter("cognito:user_status", "=", name), u => string.Equals(u.Status, name, StringComparison.OrdinalIgnoreCase)));
            }

            if (enabled != null)
            {
                criteria.Add((Filter("status", "=", enabled.Value ? "Enabled" : "Disabled"), u => u.Enabled == enabled.Value));
            }

            if (created?.Bounded == true)
            {
                _clientSide.Add(u => created.Contains(u.Created));
            }

            if (modified?.Bounded == true)
            {
                _clientSide.Add(u => modified.Contains(u.Modified));
            }

            if (!string.IsNullOrWhiteSpace(rawFilter))
            {
                ServerFilter = rawFilter;
                _clientSide.AddRange(criteria.Select(c => c.Test));
            }
            else if (criteria.Count > 0)
            {
                ServerFilter = criteria[0].Filter;
                _clientSide.AddRange(criteria.Skip(1).Select(c => c.Test));
            }
        }

        /// <summary>The ListUsers Filter to send, or null for all users.</summary>
        public string? ServerFilter { get; }

        /// <summary>True when some criteria are checked here, so a page may yield fewer users than it holds.</summary>
        public bool HasClientSideCriteria => _clientSide.Count > 0;

        public bool Matches(UserRecord user) => _clientSide.All(test => test(user));

        /// <summary><c>attribute op "value"</c>, with <c>\</c> and <c>"</c> escaped so a value can neither break nor extend the filter.</summary>
        internal static string Filter(string attribute, string op, string value) =>
            $"{attribute} {op} \"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

        private static string? Attribute(UserRecord user, string name) =>
            user.Attributes.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
