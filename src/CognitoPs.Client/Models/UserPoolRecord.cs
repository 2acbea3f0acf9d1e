using System;
using System.Text.Json;

namespace CognitoPs.Client
{
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
}
