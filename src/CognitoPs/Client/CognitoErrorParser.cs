using System;
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

        public static CognitoServiceException Create(string code, string message, HttpStatusCode status, string? requestId) => code switch
        {
            nameof(UserNotFoundException) => new UserNotFoundException(message, status, requestId),
            nameof(InvalidPasswordException) => new InvalidPasswordException(message, status, requestId),
            nameof(PasswordHistoryPolicyViolationException) => new PasswordHistoryPolicyViolationException(message, status, requestId),
            nameof(InvalidParameterException) => new InvalidParameterException(message, status, requestId),
            nameof(TooManyRequestsException) => new TooManyRequestsException(message, status, requestId),
            nameof(InternalErrorException) => new InternalErrorException(message, status, requestId),
            nameof(ResourceNotFoundException) => new ResourceNotFoundException(message, status, requestId),
            nameof(NotAuthorizedException) => new NotAuthorizedException(message, status, requestId),
            _ => new CognitoServiceException(code, message, status, requestId),
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
            var code = hash >= 0 ? type.Substring(hash + 1) : type;
            var colon = code.IndexOf(':');
            return colon >= 0 ? code.Substring(0, colon) : code;
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
