using System;
using System.Text.Json;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
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

        [Theory]
        [InlineData("{\"Id\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"TemporaryPasswordValidityDays\":3}},\"AdminCreateUserConfig\":{\"UnusedAccountValidityDays\":30}}", 3)]
        [InlineData("{\"Id\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":8}},\"AdminCreateUserConfig\":{\"UnusedAccountValidityDays\":30}}", 30)]
        [InlineData("{\"Id\":\"p\"}", 7)]
        public void AnInvitationIsValidForThePoolsTemporaryPasswordDaysElseTheOlderSettingElseSeven(string pool, int days)
        {
            Assert.Equal(days, UserPoolRecord.Read(JsonDocument.Parse(pool).RootElement).InvitationValidityDays);
        }

        [Fact]
        public void LinkedIdentitiesAreReadFromTheIdentitiesAttributeAsCognitoWritesIt()
        {
            var user = UserRecord.Read(JsonDocument.Parse("{\"Username\":\"alice\",\"UserAttributes\":[{\"Name\":\"identities\",\"Value\":" +
                JsonSerializer.Serialize("[{\"userId\":\"1082\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"issuer\":null,\"primary\":\"true\",\"dateCreated\":\"1767225600000\"}," +
                    "{\"userId\":\"jane@corp\",\"providerName\":\"Okta\",\"providerType\":\"SAML\",\"primary\":false,\"dateCreated\":1767225600000}]") + "}]}").RootElement);

            var identities = LinkedIdentityRecord.ReadAll(user)!;

            Assert.Equal(new[] { "Google:1082", "Okta:jane@corp" }, Array.ConvertAll(System.Linq.Enumerable.ToArray(identities), i => $"{i.ProviderName}:{i.UserId}"));
            Assert.True(identities[0].Primary);
            Assert.Equal("SAML", identities[1].ProviderType);
            Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), identities[0].Created!.Value.ToUniversalTime());
            Assert.Equal(identities[0].Created, identities[1].Created);
            Assert.True(identities[0].Is(new FederatedIdentity("Google", "1082")));
            Assert.False(identities[0].Is(new FederatedIdentity("Google", "1083")));
        }

        [Theory]
        [InlineData(null, 0)]
        [InlineData("[]", 0)]
        [InlineData("not json", -1)]
        [InlineData("{\"userId\":\"1\"}", -1)]
        public void WithoutLinkedIdentitiesTheListIsEmptyAndUnreadableTextIsNull(string? attribute, int count)
        {
            var user = new UserRecord { Username = "bob" };
            if (attribute != null)
            {
                user.Attributes = new[] { new System.Collections.Generic.KeyValuePair<string, string>("identities", attribute) };
            }

            var identities = LinkedIdentityRecord.ReadAll(user);

            Assert.Equal(count, identities is null ? -1 : identities.Count);
        }

        [Fact]
        public void AdminGetUsersMfaSettingsAreRead()
        {
            var user = UserRecord.Read(JsonDocument.Parse("{\"Username\":\"bob\",\"PreferredMfaSetting\":\"SMS_MFA\",\"UserMFASettingList\":[\"SMS_MFA\",\"EMAIL_OTP\"]}").RootElement);

            Assert.Equal("SMS_MFA", user.PreferredMfa);
            Assert.Equal(new[] { "SMS_MFA", "EMAIL_OTP" }, user.EnabledMfa);
        }
    }
}
