using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>Turns a JSON 1.1 error reply into the typed exception the AWS SDK would throw.</summary>
    internal static class CognitoErrorParser
    {
        public static CognitoServiceException Parse(HttpStatusCode statusCode, byte[] body, string? requestId)
        {
            var (type, message) = ReadTypeAndMessage(body);
            if (type is null)
            {
                // Not a Cognito error document (a proxy page, a truncated reply): say what arrived, not a guess.
                var code = (int)statusCode >= 500 ? "InternalErrorException" : "UnknownError";
                var what = body.Length == 0 ? "an empty body" : $"a {body.Length}-byte body that is not a Cognito error document ({Preview(body)})";
                return Create(code, $"The service answered HTTP {(int)statusCode} with {what}.", statusCode, requestId);
            }

            return Create(StripPrefix(type), message ?? $"The service answered HTTP {(int)statusCode} {type}.", statusCode, requestId);
        }

        public static CognitoServiceException Create(string code, string message, HttpStatusCode status, string? requestId) =>
            TypedErrors.TryGetValue(code, out var create) ? create(message, status, requestId) : new CognitoServiceException(code, message, status, requestId);

        /// <summary>
        /// The error of a reply that contained the password: only its code is read, and its message is replaced, so the
        /// echoed password never becomes a string.
        /// </summary>
        public static CognitoServiceException Withheld(HttpStatusCode statusCode, byte[] body, string? requestId)
        {
            var type = (int)statusCode < 300 ? null : ReadType(body);
            const string Message = "The service's reply was withheld because it contained the password.";
            return type is null
                ? new CognitoServiceException((int)statusCode < 300 ? "MalformedReply" : "UnknownError", Message, statusCode, requestId)
                : Create(StripPrefix(type), Message, statusCode, requestId);
        }

        private delegate CognitoServiceException Factory(string message, HttpStatusCode status, string? requestId);

        private static readonly Dictionary<string, Factory> TypedErrors = new Dictionary<string, Factory>(StringComparer.Ordinal)
        {
            [nameof(UserNotFoundException)] = (m, s, r) => new UserNotFoundException(m, s, r),
            [nameof(InvalidPasswordException)] = (m, s, r) => new InvalidPasswordException(m, s, r),
            [nameof(PasswordHistoryPolicyViolationException)] = (m, s, r) => new PasswordHistoryPolicyViolationException(m, s, r),
            [nameof(InvalidParameterException)] = (m, s, r) => new InvalidParameterException(m, s, r),
            [nameof(TooManyRequestsException)] = (m, s, r) => new TooManyRequestsException(m, s, r),
            [nameof(InternalErrorException)] = (m, s, r) => new InternalErrorException(m, s, r),
            [nameof(ResourceNotFoundException)] = (m, s, r) => new ResourceNotFoundException(m, s, r),
            [nameof(NotAuthorizedException)] = (m, s, r) => new NotAuthorizedException(m, s, r),
            [nameof(UsernameExistsException)] = (m, s, r) => new UsernameExistsException(m, s, r),
            [nameof(AliasExistsException)] = (m, s, r) => new AliasExistsException(m, s, r),
            [nameof(UnsupportedUserStateException)] = (m, s, r) => new UnsupportedUserStateException(m, s, r),
            [nameof(UserNotConfirmedException)] = (m, s, r) => new UserNotConfirmedException(m, s, r),
            [nameof(PasswordResetRequiredException)] = (m, s, r) => new PasswordResetRequiredException(m, s, r),
            [nameof(LimitExceededException)] = (m, s, r) => new LimitExceededException(m, s, r),
            [nameof(TooManyFailedAttemptsException)] = (m, s, r) => new TooManyFailedAttemptsException(m, s, r),
            [nameof(CodeDeliveryFailureException)] = (m, s, r) => new CodeDeliveryFailureException(m, s, r),
            [nameof(UserLambdaValidationException)] = (m, s, r) => new UserLambdaValidationException(m, s, r),
            [nameof(UnexpectedLambdaException)] = (m, s, r) => new UnexpectedLambdaException(m, s, r),
            [nameof(InvalidLambdaResponseException)] = (m, s, r) => new InvalidLambdaResponseException(m, s, r),
            [nameof(PreconditionNotMetException)] = (m, s, r) => new PreconditionNotMetException(m, s, r),
            [nameof(InvalidSmsRoleAccessPolicyException)] = (m, s, r) => new InvalidSmsRoleAccessPolicyException(m, s, r),
            [nameof(InvalidSmsRoleTrustRelationshipException)] = (m, s, r) => new InvalidSmsRoleTrustRelationshipException(m, s, r),
            [nameof(InvalidEmailRoleAccessPolicyException)] = (m, s, r) => new InvalidEmailRoleAccessPolicyException(m, s, r),
            [nameof(GroupExistsException)] = (m, s, r) => new GroupExistsException(m, s, r),
            [nameof(UserPoolAddOnNotEnabledException)] = (m, s, r) => new UserPoolAddOnNotEnabledException(m, s, r),
            [nameof(OperationNotEnabledException)] = (m, s, r) => new OperationNotEnabledException(m, s, r),
            [nameof(InvalidUserPoolConfigurationException)] = (m, s, r) => new InvalidUserPoolConfigurationException(m, s, r),
            [nameof(UnknownOperationException)] = (m, s, r) => new UnknownOperationException(m, s, r),
        };

        /// <summary>The start of a reply, printable, for messages that must say what arrived.</summary>
        internal static string Preview(byte[] body)
        {
            const int Length = 40;
            var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, Length * 4));
            var printable = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (printable.Length == Length)
                {
                    return $"starting \"{printable}…\"";
                }

                printable.Append(char.IsControl(c) ? ' ' : c);
            }

            return $"\"{printable}\"";
        }

        /// <summary><c>com.amazonaws.cognito#UserNotFoundException</c> → <c>UserNotFoundException</c>; some services also append <c>:url</c>.</summary>
        internal static string StripPrefix(string type)
        {
            var hash = type.LastIndexOf('#');
            var code = hash >= 0 ? type[(hash + 1)..] : type;
            var colon = code.IndexOf(':');
            return colon >= 0 ? code[..colon] : code;
        }

        private static string? ReadType(byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.ValueKind == JsonValueKind.Object ? Json.String(document.RootElement, "__type") : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static (string? Type, string? Message) ReadTypeAndMessage(byte[] body)
        {
            if (body.Length == 0)
            {
                return (null, null);
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, null);
                }

                string? type = null, message = null;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.NameEquals("code"))
                    {
                        type ??= property.Value.GetString();
                    }
                    else if (string.Equals(property.Name, "message", StringComparison.OrdinalIgnoreCase))
                    {
                        message ??= property.Value.GetString();
                    }
                }

                return (string.IsNullOrEmpty(type) ? null : type, message);
            }
            catch (JsonException)
            {
                return (null, null);
            }
        }
    }
}
