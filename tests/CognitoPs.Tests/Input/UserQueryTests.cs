using System;
using System.Collections.Generic;
using System.Text.Json;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class UserQueryTests
    {
        private static UserRecord User(string name, string status = "CONFIRMED", bool enabled = true, string? email = null) => new UserRecord
        {
            Username = name,
            Status = status,
            Enabled = enabled,
            Attributes = email is null ? Array.Empty<KeyValuePair<string, string>>() : new[] { new KeyValuePair<string, string>("email", email) },
        };

        [Theory]
        [InlineData("ann@example.com", "email = \"ann@example.com\"")]
        [InlineData("say \"hi\"", "email = \"say \\\"hi\\\"\"")]
        [InlineData("back\\slash", "email = \"back\\\\slash\"")]
        [InlineData("x\" or username ^= \"", "email = \"x\\\" or username ^= \\\"\"")]
        [InlineData("trailing\\", "email = \"trailing\\\\\"")]
        public void ValuesAreQuotedAndEscapedSoTheyCannotBreakOrExtendTheFilter(string email, string expected)
        {
            Assert.Equal(expected, new UserQuery(null, email, null, null, null).ServerFilter);
        }

        [Fact]
        public void EscapedValuesDecodeBackToTheOriginal()
        {
            // Decode as Cognito does: inside the quotes, a backslash escapes the next character.
            const string value = "a\"b\\c\\\"d";
            var filter = UserQuery.Filter("email", "=", value);
            var quoted = filter.Substring(filter.IndexOf('"') + 1, filter.Length - filter.IndexOf('"') - 2);
            var decoded = System.Text.RegularExpressions.Regex.Replace(quoted, @"\\(.)", "$1");
            Assert.Equal(value, decoded);
            Assert.DoesNotMatch(@"(?<!\\)""", quoted); // no unescaped quote can end the value early
        }

        [Fact]
        public void FriendlyParametersBecomeCognitoFilters()
        {
            Assert.Equal("username ^= \"contractor-\"", new UserQuery(null, null, "contractor-", null, null).ServerFilter);
            Assert.Equal("cognito:user_status = \"FORCE_CHANGE_PASSWORD\"", new UserQuery(null, null, null, CognitoUserStatus.FORCE_CHANGE_PASSWORD, null).ServerFilter);
            Assert.Equal("status = \"Disabled\"", new UserQuery(null, null, null, null, false).ServerFilter);
            Assert.Null(new UserQuery(null, null, null, null, null).ServerFilter);
        }

        [Fact]
        public void OnlyTheMostSelectiveCriterionGoesToCognitoAndTheRestAreCheckedHere()
        {
            var query = new UserQuery(null, "ann@example.com", "a", CognitoUserStatus.CONFIRMED, true);

            Assert.Equal("email = \"ann@example.com\"", query.ServerFilter);
            Assert.True(query.HasClientSideCriteria);
            Assert.True(query.Matches(User("ann", "CONFIRMED", true, "ann@example.com")));
            Assert.False(query.Matches(User("bob", "CONFIRMED", true, "ann@example.com")));
            Assert.False(query.Matches(User("ann", "FORCE_CHANGE_PASSWORD", true, "ann@example.com")));
            Assert.False(query.Matches(User("ann", "CONFIRMED", false, "ann@example.com")));
        }

        [Fact]
        public void ARawFilterGoesToCognitoAndFriendlyParametersAreCheckedHere()
        {
            var query = new UserQuery("family_name ^= \"Sm\"", null, null, null, false);

            Assert.Equal("family_name ^= \"Sm\"", query.ServerFilter);
            Assert.True(query.Matches(User("x", enabled: false)));
            Assert.False(query.Matches(User("x", enabled: true)));
        }

        [Fact]
        public void ASingleCriterionLeavesNothingToCheckHere()
        {
            var query = new UserQuery(null, null, null, CognitoUserStatus.CONFIRMED, null);

            Assert.False(query.HasClientSideCriteria);
            Assert.True(query.Matches(User("anyone", "UNCONFIRMED")));
        }
    }

    public class ModelTests
    {
        [Fact]
        public void ListUsersAndAdminGetUserShapesReadTheSame()
        {
            const string listed = "{\"Username\":\"alice\",\"Attributes\":[{\"Name\":\"sub\",\"Value\":\"s-1\"},{\"Name\":\"email\",\"Value\":\"a@x.io\"}],\"Enabled\":false,\"UserStatus\":\"CONFIRMED\",\"UserCreateDate\":1767225600,\"UserLastModifiedDate\":1767225600.5}";
            var fromList = UserRecord.Read(JsonDocument.Parse(listed).RootElement);
            var fromGet = UserRecord.Read(JsonDocument.Parse(listed.Replace("\"Attributes\"", "\"UserAttributes\"")).RootElement);

            foreach (var user in new[] { fromList, fromGet })
            {
                Assert.Equal("alice", user.Username);
                Assert.False(user.Enabled);
                Assert.Equal("CONFIRMED", user.Status);
                Assert.Equal(2, user.Attributes.Count);
                Assert.Equal(DateTimeKind.Local, user.Created!.Value.Kind);
                Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), user.Created.Value.ToUniversalTime());
                Assert.Equal(500, (user.Modified!.Value - user.Created.Value).TotalMilliseconds);
            }
        }

        [Fact]
        public void CognitoUserExposesSubEmailAndCaseInsensitiveAttributes()
        {
            var record = UserRecord.Read(JsonDocument.Parse("{\"Username\":\"bob\",\"Attributes\":[{\"Name\":\"sub\",\"Value\":\"s-2\"},{\"Name\":\"email\",\"Value\":\"b@x.io\"},{\"Name\":\"custom:Team\",\"Value\":\"blue\"}]}").RootElement);

            var user = new CognitoUser(record, "eu-west-1_Ab12", "eu-west-1", null);

            Assert.Equal(("s-2", "b@x.io"), (user.Sub, user.Email));
            Assert.Equal("blue", user.Attributes["CUSTOM:team"]);
            Assert.True(user.Enabled); // Enabled is absent: Cognito's default
            Assert.Null(user.Created);
        }

        [Fact]
        public void OddlyTypedFieldsReadAsMissingInsteadOfThrowing()
        {
            var user = UserRecord.Read(JsonDocument.Parse("{\"Username\":7,\"Enabled\":\"yes\",\"UserCreateDate\":\"2026-01-01T00:00:00Z\",\"Attributes\":{}}").RootElement);

            Assert.Equal("", user.Username);
            Assert.True(user.Enabled);
            Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), user.Created!.Value.ToUniversalTime());
            Assert.Empty(user.Attributes);
        }

        [Fact]
        public void PoolDescriptionsCarryThePasswordPolicy()
        {
            var pool = UserPoolRecord.Read(JsonDocument.Parse("{\"Id\":\"eu-west-1_Ab12\",\"Name\":\"staff\",\"EstimatedNumberOfUsers\":42,\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":12,\"RequireUppercase\":true,\"RequireNumbers\":true,\"PasswordHistorySize\":5}}}").RootElement);

            Assert.Equal(("eu-west-1_Ab12", "staff", 42), (pool.Id, pool.Name, pool.EstimatedNumberOfUsers));
            Assert.Equal(12, pool.PasswordPolicy!.MinimumLength);
            Assert.True(pool.PasswordPolicy.RequireUppercase);
            Assert.False(pool.PasswordPolicy.RequireSymbols);
            Assert.Equal(5, pool.PasswordPolicy.PasswordHistorySize);
            Assert.Equal("min 12; upper, digit", pool.PasswordPolicy.ToString());
        }
    }
}
