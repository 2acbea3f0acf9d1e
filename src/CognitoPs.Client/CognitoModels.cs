using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>A user as ListUsers / AdminGetUser return it (UserType).</summary>
    public sealed class UserRecord
    {
        public string Username { get; set; } = "";

        public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; set; } = Array.Empty<KeyValuePair<string, string>>();

        public bool Enabled { get; set; }

        public string? Status { get; set; }

        public DateTime? Created { get; set; }

        public DateTime? Modified { get; set; }

        /// <summary>Reads a UserType; AdminGetUser names the attribute list UserAttributes, ListUsers names it Attributes.</summary>
        internal static UserRecord Read(JsonElement user)
        {
            var attributes = new List<KeyValuePair<string, string>>();
            var list = user.TryGetProperty("Attributes", out var a) ? a : user.TryGetProperty("UserAttributes", out var ua) ? ua : default;
            if (list.ValueKind == JsonValueKind.Array)
            {
                foreach (var attribute in list.EnumerateArray())
                {
                    attributes.Add(new KeyValuePair<string, string>(Json.String(attribute, "Name") ?? "", Json.String(attribute, "Value") ?? ""));
                }
            }

            return new UserRecord
            {
                Username = Json.String(user, "Username") ?? "",
                Attributes = attributes,
                Enabled = Json.Boolean(user, "Enabled") ?? true,
                Status = Json.String(user, "UserStatus"),
                Created = Json.Date(user, "UserCreateDate"),
                Modified = Json.Date(user, "UserLastModifiedDate"),
            };
        }
    }

    /// <summary>One page of a list operation. A page may be short or empty and still carry a token: only a missing token ends the list.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextToken)
        {
            Items = items;
            NextToken = nextToken;
        }

        public IReadOnlyList<T> Items { get; }

        public string? NextToken { get; }
    }

    /// <summary>Reads a list operation to its end.</summary>
    internal static class Pages
    {
        /// <summary>Every item, asking for one page after another until a page comes without a token.</summary>
        public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<string?, Task<Page<T>>> page)
        {
            var all = new List<T>();
            string? token = null;
            do
            {
                var next = await page(token).ConfigureAwait(false);
                all.AddRange(next.Items);
                token = next.NextToken;
            }
            while (token != null);

            return all;
        }
    }

    /// <summary>A group as ListGroups, GetGroup, CreateGroup and UpdateGroup return it (GroupType).</summary>
    public sealed class GroupRecord
    {
        public string GroupName { get; set; } = "";

        public string? Description { get; set; }

        public int? Precedence { get; set; }

        public string? RoleArn { get; set; }

        public DateTime? Created { get; set; }

        public DateTime? Modified { get; set; }

        internal static GroupRecord Read(JsonElement group) => new GroupRecord
        {
            GroupName = Json.String(group, "GroupName") ?? "",
            Description = Json.String(group, "Description"),
            Precedence = Json.Int(group, "Precedence"),
            RoleArn = Json.String(group, "RoleArn"),
            Created = Json.Date(group, "CreationDate"),
            Modified = Json.Date(group, "LastModifiedDate"),
        };
    }

    /// <summary>A user pool as DescribeUserPool (all fields) or ListUserPools (id, name, dates) return it.</summary>
    public sealed class UserPoolRecord
    {
        public string Id { get; set; } = "";

        public string? Name { get; set; }

        public DateTime? Created { get; set; }

        public DateTime? Modified { get; set; }

        public int? EstimatedNumberOfUsers { get; set; }

        public PasswordPolicy? PasswordPolicy { get; set; }

        internal static UserPoolRecord Read(JsonElement pool)
        {
            var policy = pool.TryGetProperty("Policies", out var policies) && policies.TryGetProperty("PasswordPolicy", out var p)
                ? PasswordPolicy.Read(p)
                : null;
            return new UserPoolRecord
            {
                Id = Json.String(pool, "Id") ?? "",
                Name = Json.String(pool, "Name"),
                Created = Json.Date(pool, "CreationDate"),
                Modified = Json.Date(pool, "LastModifiedDate"),
                EstimatedNumberOfUsers = Json.Int(pool, "EstimatedNumberOfUsers"),
                PasswordPolicy = policy,
            };
        }
    }

    /// <summary>The pool's password policy (DescribeUserPool → UserPool.Policies.PasswordPolicy).</summary>
    public sealed class PasswordPolicy
    {
        public int MinimumLength { get; set; } = 8;

        public bool RequireUppercase { get; set; }

        public bool RequireLowercase { get; set; }

        public bool RequireNumbers { get; set; }

        public bool RequireSymbols { get; set; }

        public int? PasswordHistorySize { get; set; }

        public int? TemporaryPasswordValidityDays { get; set; }

        internal static PasswordPolicy Read(JsonElement policy) => new PasswordPolicy
        {
            MinimumLength = Json.Int(policy, "MinimumLength") ?? 8,
            RequireUppercase = Json.Boolean(policy, "RequireUppercase") ?? false,
            RequireLowercase = Json.Boolean(policy, "RequireLowercase") ?? false,
            RequireNumbers = Json.Boolean(policy, "RequireNumbers") ?? false,
            RequireSymbols = Json.Boolean(policy, "RequireSymbols") ?? false,
            PasswordHistorySize = Json.Int(policy, "PasswordHistorySize"),
            TemporaryPasswordValidityDays = Json.Int(policy, "TemporaryPasswordValidityDays"),
        };

        public override string ToString()
        {
            var classes = new List<string>();
            if (RequireUppercase) classes.Add("upper");
            if (RequireLowercase) classes.Add("lower");
            if (RequireNumbers) classes.Add("digit");
            if (RequireSymbols) classes.Add("symbol");
            return $"min {MinimumLength}" + (classes.Count > 0 ? "; " + string.Join(", ", classes) : "");
        }
    }

    /// <summary>Tolerant readers for reply fields: a missing or oddly typed field is null, never an exception.</summary>
    internal static class Json
    {
        /// <summary>The items of an array property; a missing or non-array property is an empty list.</summary>
        public static List<T> List<T>(JsonElement element, string name, Func<JsonElement, T> read)
        {
            var items = new List<T>();
            if (element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    items.Add(read(item));
                }
            }

            return items;
        }

        /// <summary>A string property, or null when it is missing or empty (an empty pagination token ends a list).</summary>
        public static string? NonEmptyString(JsonElement element, string name) => String(element, name) is { Length: > 0 } value ? value : null;

        public static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public static bool? Boolean(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : (bool?)null;

        public static int? Int(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : (int?)null;

        /// <summary>Cognito sends dates as epoch seconds (a JSON number, possibly fractional); returned as local time like other PowerShell dates.</summary>
        public static DateTime? Date(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            // Outside DateTimeOffset's range the value is nonsense: null, like any other unreadable field.
            const double LastSecond = 253402300799; // 9999-12-31T23:59:59Z
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds >= 0 && seconds <= LastSecond)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)).LocalDateTime;
            }

            return value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), out var parsed) ? parsed.LocalDateTime : (DateTime?)null;
        }
    }
}
