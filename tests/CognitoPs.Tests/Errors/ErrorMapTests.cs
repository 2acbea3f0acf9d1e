using System;
using System.Management.Automation;
using System.Net;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    public class ErrorMapTests
    {
        private const string Activity = "Cannot set the password of user 'alice' in user pool 'eu-west-1_Ab12'";

        private static (ErrorRecord Record, bool Terminating) Map(Exception failure, bool poolFromCommandLine = true)
        {
            var record = CognitoErrorMap.ToErrorRecord(failure, new FailureContext(Activity, "alice", "eu-west-1_Ab12", poolFromCommandLine), out var terminating);
            return (record, terminating);
        }

        // The table in design.md, row by row: code → ErrorId, category, target, terminating (pool given on the command line).
        [Theory]
        [InlineData("UserNotFoundException", 400, "UserNotFound", ErrorCategory.ObjectNotFound, "alice", false)]
        [InlineData("InvalidPasswordException", 400, "InvalidPassword", ErrorCategory.InvalidArgument, "alice", false)]
        [InlineData("PasswordHistoryPolicyViolationException", 400, "PasswordHistoryPolicyViolation", ErrorCategory.InvalidArgument, "alice", false)]
        [InlineData("InvalidParameterException", 400, "InvalidParameter", ErrorCategory.InvalidArgument, "alice", false)]
        [InlineData("TooManyRequestsException", 400, "TooManyRequests", ErrorCategory.LimitsExceeded, "alice", false)]
        [InlineData("ThrottlingException", 400, "Throttling", ErrorCategory.LimitsExceeded, "alice", false)]
        [InlineData("InternalErrorException", 500, "InternalError", ErrorCategory.ResourceUnavailable, "alice", false)]
        [InlineData("ServiceUnavailableException", 503, "ServiceUnavailable", ErrorCategory.ResourceUnavailable, "alice", false)]
        [InlineData("ResourceNotFoundException", 400, "ResourceNotFound", ErrorCategory.ObjectNotFound, "eu-west-1_Ab12", true)]
        [InlineData("NotAuthorizedException", 400, "NotAuthorized", ErrorCategory.PermissionDenied, "eu-west-1_Ab12", true)]
        [InlineData("AccessDeniedException", 400, "AccessDenied", ErrorCategory.PermissionDenied, "eu-west-1_Ab12", true)]
        [InlineData("UnrecognizedClientException", 400, "UnrecognizedClient", ErrorCategory.AuthenticationError, "eu-west-1_Ab12", true)]
        [InlineData("InvalidSignatureException", 403, "InvalidSignature", ErrorCategory.AuthenticationError, "eu-west-1_Ab12", true)]
        [InlineData("ExpiredTokenException", 400, "ExpiredToken", ErrorCategory.AuthenticationError, "eu-west-1_Ab12", true)]
        [InlineData("BrandNewFeatureException", 400, "BrandNewFeature", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("MalformedReply", 200, "MalformedReply", ErrorCategory.InvalidResult, "alice", false)]
        [InlineData("UsernameExistsException", 400, "UsernameExists", ErrorCategory.ResourceExists, "alice", false)]
        [InlineData("AliasExistsException", 400, "AliasExists", ErrorCategory.ResourceExists, "alice", false)]
        [InlineData("UnsupportedUserStateException", 400, "UnsupportedUserState", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("UserNotConfirmedException", 400, "UserNotConfirmed", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("PasswordResetRequiredException", 400, "PasswordResetRequired", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("LimitExceededException", 400, "LimitExceeded", ErrorCategory.LimitsExceeded, "alice", false)]
        [InlineData("TooManyFailedAttemptsException", 400, "TooManyFailedAttempts", ErrorCategory.LimitsExceeded, "alice", false)]
        [InlineData("CodeDeliveryFailureException", 400, "CodeDeliveryFailure", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("UserLambdaValidationException", 400, "UserLambdaValidation", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("UnexpectedLambdaException", 400, "UnexpectedLambda", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("InvalidLambdaResponseException", 400, "InvalidLambdaResponse", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("PreconditionNotMetException", 400, "PreconditionNotMet", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("InvalidSmsRoleAccessPolicyException", 400, "InvalidSmsRoleAccessPolicy", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("InvalidSmsRoleTrustRelationshipException", 400, "InvalidSmsRoleTrustRelationship", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("InvalidEmailRoleAccessPolicyException", 400, "InvalidEmailRoleAccessPolicy", ErrorCategory.InvalidOperation, "alice", false)]
        [InlineData("UserPoolAddOnNotEnabledException", 400, "UserPoolAddOnNotEnabled", ErrorCategory.NotEnabled, "eu-west-1_Ab12", true)]
        [InlineData("OperationNotEnabledException", 400, "OperationNotEnabled", ErrorCategory.NotEnabled, "eu-west-1_Ab12", true)]
        [InlineData("InvalidUserPoolConfigurationException", 400, "InvalidUserPoolConfiguration", ErrorCategory.InvalidOperation, "eu-west-1_Ab12", true)]
        [InlineData("UnknownOperationException", 400, "UnknownOperation", ErrorCategory.NotImplemented, "eu-west-1_Ab12", true)]
        public void ServiceErrorsFollowTheTable(string code, int status, string errorId, ErrorCategory category, string target, bool terminating)
        {
            var failure = CognitoErrorParser.Create(code, "service says no", (HttpStatusCode)status, "req-9");

            var (record, isTerminating) = Map(failure);

            Assert.Equal(errorId, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Equal(target, record.TargetObject);
            Assert.Equal(terminating, isTerminating);
            Assert.Same(failure, record.Exception);
            Assert.Equal(Activity + ": service says no", record.ErrorDetails.Message);
        }

        [Fact]
        public void AMissingPoolFromAPipelineItemStopsOnlyThatItem()
        {
            var (record, terminating) = Map(new ResourceNotFoundException("User pool eu-west-1_Ab12 does not exist.", HttpStatusCode.BadRequest, null), poolFromCommandLine: false);

            Assert.False(terminating);
            Assert.Equal("eu-west-1_Ab12", record.TargetObject);
        }

        [Fact]
        public void BadCredentialsStopEvenWhenThePoolCameFromThePipeline()
        {
            var (_, terminating) = Map(CognitoErrorParser.Create("UnrecognizedClientException", "bad key", HttpStatusCode.BadRequest, null), poolFromCommandLine: false);

            Assert.True(terminating);
        }

        [Fact]
        public void NetworkFailuresAndTimeoutsAreNonTerminatingPerUser()
        {
            var (connection, connectionTerminates) = Map(new CognitoConnectionException("refused", new System.Net.Http.HttpRequestException("refused")));
            var (timeout, timeoutTerminates) = Map(new CognitoTimeoutException("no answer"));

            Assert.Equal(("ConnectionFailed", ErrorCategory.ConnectionError, (object)"alice", false),
                (connection.FullyQualifiedErrorId, connection.CategoryInfo.Category, connection.TargetObject, connectionTerminates));
            Assert.Equal(("RequestTimedOut", ErrorCategory.OperationTimeout, (object)"alice", false),
                (timeout.FullyQualifiedErrorId, timeout.CategoryInfo.Category, timeout.TargetObject, timeoutTerminates));
            Assert.NotNull(connection.ErrorDetails.RecommendedAction);
        }

        [Theory]
        [InlineData(ConfigurationProblem.Authentication, ErrorCategory.AuthenticationError)]
        [InlineData(ConfigurationProblem.InvalidSetting, ErrorCategory.InvalidArgument)]
        [InlineData(ConfigurationProblem.UnsafeSetting, ErrorCategory.SecurityError)]
        [InlineData(ConfigurationProblem.NotFound, ErrorCategory.ObjectNotFound)]
        [InlineData(ConfigurationProblem.PermissionDenied, ErrorCategory.PermissionDenied)]
        [InlineData(ConfigurationProblem.Unreachable, ErrorCategory.ConnectionError)]
        public void ConfigurationProblemsTerminateWithTheirOwnIdCategoryAndAdvice(ConfigurationProblem problem, ErrorCategory category)
        {
            var (record, terminating) = Map(new CognitoConfigurationException("SomeSettingProblem", problem, "What is wrong.") { RecommendedAction = "What to do." });

            Assert.True(terminating);
            Assert.Equal("SomeSettingProblem", record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Equal("What to do.", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void ASettingBroughtByOnePipedObjectFailsOnlyThatObject()
        {
            var invalid = new CognitoConfigurationException("InvalidEndpointUrl", ConfigurationProblem.InvalidSetting, "bad endpoint");
            var noCredentials = new CognitoConfigurationException("CredentialsNotFound", ConfigurationProblem.Authentication, "none", affectsEveryRequest: true);

            Assert.False(Map(invalid, poolFromCommandLine: false).Terminating);
            Assert.Equal("alice", Map(invalid, poolFromCommandLine: false).Record.TargetObject);
            Assert.True(Map(invalid, poolFromCommandLine: true).Terminating);
            Assert.True(Map(noCredentials, poolFromCommandLine: false).Terminating);
        }

        [Theory]
        [InlineData("User is disabled.")]
        [InlineData("User cannot be confirmed. Current status is CONFIRMED")]
        [InlineData("User password cannot be reset in the current state.")]
        [InlineData("Password attempts exceeded")]
        public void NotAuthorizedAboutTheUsersStateIsThatUsersError(string message)
        {
            var (record, terminating) = Map(new NotAuthorizedException(message, HttpStatusCode.BadRequest, null));

            Assert.False(terminating);
            Assert.Equal(("NotAuthorized", ErrorCategory.InvalidOperation, (object)"alice"), (record.FullyQualifiedErrorId, record.CategoryInfo.Category, record.TargetObject));
            Assert.EndsWith(message, record.ErrorDetails.Message);
        }

        [Fact]
        public void NotAuthorizedWithoutAUserStateIsAPermissionProblemThatStops()
        {
            var (record, terminating) = Map(new NotAuthorizedException("Access to the requested resource is not authorized.", HttpStatusCode.BadRequest, null));

            Assert.True(terminating);
            Assert.Equal((ErrorCategory.PermissionDenied, (object)"eu-west-1_Ab12"), (record.CategoryInfo.Category, record.TargetObject));
        }

        [Fact]
        public void TheLambdaTriggersMessageIsKept()
        {
            var (record, _) = Map(new UserLambdaValidationException("PreSignUp failed with error Team is required.", HttpStatusCode.BadRequest, null));

            Assert.Equal(Activity + ": PreSignUp failed with error Team is required.", record.ErrorDetails.Message);
            Assert.Contains("Lambda trigger", record.ErrorDetails.RecommendedAction);
        }

        [Theory]
        [InlineData(typeof(CognitoTimeoutException), ErrorCategory.OperationTimeout)]
        [InlineData(typeof(CognitoConnectionException), ErrorCategory.ConnectionError)]
        [InlineData(typeof(InternalErrorException), ErrorCategory.ResourceUnavailable)]
        public void AnUnknownOutcomeSaysToCheckTheUser(Type cause, ErrorCategory category)
        {
            Exception inner = cause == typeof(CognitoTimeoutException) ? new CognitoTimeoutException("late")
                : cause == typeof(CognitoConnectionException) ? new CognitoConnectionException("dropped", new System.IO.IOException())
                : new InternalErrorException("oops", HttpStatusCode.InternalServerError, null);

            var (record, terminating) = Map(new CognitoOutcomeUnknownException("sent, no answer", inner));

            Assert.False(terminating);
            Assert.Equal(("OutcomeUnknown", category, (object)"alice"), (record.FullyQualifiedErrorId, record.CategoryInfo.Category, record.TargetObject));
            Assert.Contains("Get-CognitoUser 'alice'", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void APlainArgumentExceptionIsABugNotBadInput()
        {
            Assert.False(CognitoErrorMap.IsReportable(new ArgumentException("a bug")));
            Assert.False(CognitoErrorMap.IsReportable(new ArgumentOutOfRangeException("value")));
            Assert.True(CognitoErrorMap.IsReportable(new InputValidationException("UsernameMissing", "no name", null, false)));
        }

        [Theory]
        [InlineData(true, true, true)]    // group and pool from the command line: no item could succeed
        [InlineData(false, true, false)]  // the group came from a piped object: only that item fails
        [InlineData(true, false, false)]  // the pool came from a piped object: another item's pool may have the group
        public void AMissingGroupNamesTheGroupAndStopsOnlyWhenEveryItemAsksForIt(bool groupShared, bool settingsShared, bool stops)
        {
            var answer = new ResourceNotFoundException("Group not found.", HttpStatusCode.BadRequest, "req-3");
            var failure = new GroupNotFoundException("ops", "eu-west-1_Ab12", answer);
            var context = new FailureContext("Cannot add user 'alice' to group 'ops'", "alice", "eu-west-1_Ab12", settingsShared) { GroupName = "ops", GroupShared = groupShared };

            var record = CognitoErrorMap.ToErrorRecord(failure, context, out var terminating);

            Assert.Equal(stops, terminating);
            Assert.Equal(("ResourceNotFound", ErrorCategory.ObjectNotFound, (object)"ops"), (record.FullyQualifiedErrorId, record.CategoryInfo.Category, record.TargetObject));
            Assert.Contains("Group 'ops' does not exist in user pool 'eu-west-1_Ab12'", record.ErrorDetails.Message);
            Assert.Contains("Get-CognitoGroup", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void AnExistingGroupIsResourceExistsOnTheGroup()
        {
            var context = new FailureContext("Cannot create group 'ops'", null, "eu-west-1_Ab12", true) { GroupName = "ops" };

            var record = CognitoErrorMap.ToErrorRecord(new GroupExistsException("A group with the name already exists.", HttpStatusCode.BadRequest, null), context, out var terminating);

            Assert.False(terminating);
            Assert.Equal(("GroupExists", ErrorCategory.ResourceExists, (object)"ops"), (record.FullyQualifiedErrorId, record.CategoryInfo.Category, record.TargetObject));
        }

        [Fact]
        public void RecommendedActionsAreGivenWhereThereIsANextStep()
        {
            var (record, _) = Map(new InvalidPasswordException("Password does not conform to policy", HttpStatusCode.BadRequest, null));

            Assert.Contains("password policy", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void AMissingDeviceIsThatItemsObjectNotFoundNotThePools()
        {
            var answer = new ResourceNotFoundException("Device does not exist.", HttpStatusCode.BadRequest, "req-1");

            var (record, terminating) = Map(new DeviceNotFoundException("eu-west-1_d1", "alice", "eu-west-1_Ab12", answer));

            Assert.False(terminating);
            Assert.Equal("ResourceNotFound", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
            Assert.Equal("alice", record.TargetObject);
            Assert.Contains("Get-CognitoUserDevice", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void AnIdentityNotLinkedToTheUserIsThatItemsObjectNotFound()
        {
            var (record, terminating) = Map(new IdentityNotLinkedException(new FederatedIdentity("Google", "1082"), "alice", "eu-west-1_Ab12"));

            Assert.False(terminating);
            Assert.Equal("IdentityNotLinked", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
            Assert.Equal("alice", record.TargetObject);
            Assert.Contains("Google identity '1082' is not linked to user 'alice'", record.Exception.Message);
        }

        [Fact]
        public void AMissingAddOnForAPipedPoolStopsOnlyThatItemAndSaysWhatToSwitchOn()
        {
            var (record, terminating) = Map(CognitoErrorParser.Create("UserPoolAddOnNotEnabledException", "not enabled", HttpStatusCode.BadRequest, null), poolFromCommandLine: false);

            Assert.False(terminating);
            Assert.Contains("threat protection", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void AFileInTheWayOrUnusableStopsTheCommand()
        {
            var (exists, stopsForExists) = Map(new UserFileException("'x.csv' exists; use -Force to replace it.", exists: true));
            var (problem, stopsForProblem) = Map(new UserFileException("'x.csv' does not exist."));

            Assert.Equal(("FileExists", ErrorCategory.ResourceExists, true), (exists.FullyQualifiedErrorId, exists.CategoryInfo.Category, stopsForExists));
            Assert.Equal(("FileProblem", ErrorCategory.WriteError, true), (problem.FullyQualifiedErrorId, problem.CategoryInfo.Category, stopsForProblem));
        }

        [Fact]
        public void AMissingImportJobIsThatJobsErrorNotThePools()
        {
            var answer = new ResourceNotFoundException("Import job not found.", HttpStatusCode.BadRequest, null);

            var (record, terminating) = Map(new ImportJobNotFoundException("import-9", "eu-west-1_Ab12", answer));

            Assert.False(terminating);
            Assert.Equal(("ResourceNotFound", ErrorCategory.ObjectNotFound, (object)"import-9"), (record.FullyQualifiedErrorId, record.CategoryInfo.Category, record.TargetObject));
        }
    }
}
