using System;
using System.Collections.Generic;
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

        [Fact]
        public void DatesAreCheckedOnEachUserWhileTheStatusStillGoesToTheServer()
        {
            var cutoff = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            var query = new UserQuery(null, null, null, CognitoUserStatus.UNCONFIRMED, null, created: new DateWindow(null, cutoff));
            var old = User("old", "UNCONFIRMED");
            old.Created = cutoff.AddDays(-1).ToLocalTime();
            var recent = User("recent", "UNCONFIRMED");
            recent.Created = cutoff.AddDays(1);
            var unknown = User("unknown", "UNCONFIRMED");

            Assert.Equal("cognito:user_status = \"UNCONFIRMED\"", query.ServerFilter);
            Assert.True(query.HasClientSideCriteria);
            Assert.True(query.Matches(old));
            Assert.False(query.Matches(recent));
            Assert.False(query.Matches(unknown)); // a user without a date is not known to be inside a bounded window
        }

        [Fact]
        public void AModifiedWindowOpenAtOneEndKeepsWhatIsInside()
        {
            var after = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            var query = new UserQuery(null, null, null, null, null, modified: new DateWindow(after, null));
            var touched = User("touched");
            touched.Modified = after.AddHours(1);
            var untouched = User("untouched");
            untouched.Modified = after.AddHours(-1);

            Assert.Null(query.ServerFilter);
            Assert.True(query.Matches(touched));
            Assert.False(query.Matches(untouched));
        }

        [Fact]
        public void AnUnboundedWindowAddsNoClientSideCheck()
        {
            Assert.False(new UserQuery(null, null, null, null, null, new DateWindow(null, null), new DateWindow(null, null)).HasClientSideCriteria);
        }
    }
}
