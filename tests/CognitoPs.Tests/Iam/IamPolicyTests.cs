using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using CognitoPs.Client;
using CognitoPs.Commands;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The IAM policies come from the cmdlets' declarations, which must name the client's operations and cover them all.</summary>
    public class IamPolicyTests
    {
        private static readonly Type[] CmdletTypes = typeof(CognitoCmdlet).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<CmdletAttribute>() != null).ToArray();

        [Fact]
        public void EveryDeclaredOperationIsARowOfTheClientsTable()
        {
            Assert.Empty(IamPolicy.UnknownOperations());
        }

        [Fact]
        public void EveryCmdletThatSendsRequestsDeclaresItsOperations()
        {
            var undeclared = CmdletTypes.Where(type => typeof(CognitoCmdlet).IsAssignableFrom(type) && type.GetCustomAttribute<CognitoOperationsAttribute>() is null);

            Assert.Empty(undeclared.Select(type => type.Name));
        }

        [Fact]
        public void EveryOperationTheClientCanSendIsDeclaredBySomeCmdlet()
        {
            var declared = IamPolicy.Cmdlets.Values.SelectMany(d => d.Operations.Concat(d.Occasional)).ToHashSet();

            var undeclared = CognitoOperation.All.Keys.Except(declared).ToList();

            Assert.Empty(undeclared);
        }

        [Fact]
        public void ListUserPoolsGetsAStatementOfItsOwnOnEveryResourceAndTheRestIsScopedToThePoolsGiven()
        {
            const string Arn = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Ab12CdE3f";
            using var document = JsonDocument.Parse(IamPolicy.Document(new[] { "Get-CognitoUserPool", "Get-CognitoUser" }, new[] { Arn }));

            var statements = document.RootElement.GetProperty("Statement").EnumerateArray().ToArray();
            Assert.Equal("2012-10-17", document.RootElement.GetProperty("Version").GetString());
            Assert.Equal(2, statements.Length);
            Assert.Equal(new[] { Arn }, statements[0].GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
            Assert.DoesNotContain("cognito-idp:ListUserPools", statements[0].GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(new[] { "cognito-idp:ListUserPools" }, statements[1].GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("*", statements[1].GetProperty("Resource").GetString());
        }

        [Fact]
        public void ActionsAreSortedUniqueAndIncludeTheOccasionalOnes()
        {
            var actions = IamPolicy.ActionsOf(new[] { "Reset-CognitoUserMfa", "Get-CognitoUserDevice", "reset-cognitousermfa" });

            Assert.Equal(actions.OrderBy(a => a, StringComparer.Ordinal), actions);
            Assert.Equal(actions.Distinct(), actions);
            Assert.Contains("cognito-idp:AdminSetUserMFAPreference", actions); // Reset-CognitoUserMfa's fallback on older endpoints
            Assert.Contains("cognito-idp:AdminListDevices", actions);
        }

        [Fact]
        public void TheCmdletTakesWildcardsRefusesBadArnsAndReportsUnknownNames()
        {
            using var runspace = new HostedRunspace("http://127.0.0.1:9");

            var matched = runspace.Run("(Get-CognitoIamPolicy -Command '*-CognitoUserDevice', 'No-SuchThing' | ConvertFrom-Json).Statement.Action");
            var badArn = runspace.Run("Get-CognitoIamPolicy -UserPoolArn 'arn:aws:s3:::bucket'");

            Assert.Equal(new[] { "cognito-idp:AdminForgetDevice", "cognito-idp:AdminListDevices", "cognito-idp:DescribeUserPool" }, matched.Output.Select(a => a.ToString()));
            Assert.Equal("CommandNotFound,CognitoPs.Commands.GetCognitoIamPolicyCommand", Assert.Single(matched.Errors).FullyQualifiedErrorId);
            Assert.Equal("InvalidUserPoolArn,CognitoPs.Commands.GetCognitoIamPolicyCommand", badArn.Terminating!.FullyQualifiedErrorId);
            Assert.Empty(badArn.Output);
        }
    }
}
