using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Security;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// Credentials in the forms admins have them, as the client takes them: a PSCredential (user name = access key id,
    /// password = secret access key); temporary credentials with a session token, as objects or hashtables with
    /// AccessKeyId, SecretAccessKey and SessionToken (the Credentials of Use-STSRole, or of aws sts assume-role |
    /// ConvertFrom-Json); AWS.Tools' credential objects, read by shape (AccessKey, SecretKey, Token, or their
    /// GetCredentials() method), since their AWSSDK.Core lives in another load context.
    /// </summary>
    internal static class CredentialInput
    {
        /// <summary>The credentials <paramref name="input"/> holds, null for none; throws <see cref="ArgumentException"/> for anything else.</summary>
        public static AccessKeyCredential? From(object? input)
        {
            var value = input is PSObject wrapped ? wrapped.BaseObject : input;
            switch (value)
            {
                case null:
                    return null;
                case AccessKeyCredential given:
                    return given;
                case PSCredential credential:
                    return Checked(credential.UserName, credential.Password, null, "PSCredential");
                case IDictionary table:
                    return FromShape(key => Lookup(table, key), value);
            }

            // The wrapper itself where there is one: a PSCustomObject's properties live on it, not on its base object.
            var shape = input as PSObject ?? PSObject.AsPSObject(value);
            if (shape.Properties["AccessKeyId"] is null && shape.Properties["AccessKey"] is null && shape.Methods["GetCredentials"] is PSMethodInfo getCredentials)
            {
                // AWS.Tools' AWSCredentials (any AWSSDK.Core): its current immutable credentials.
                shape = PSObject.AsPSObject(getCredentials.Invoke());
            }

            return FromShape(name => shape.Properties[name]?.Value, value);
        }

        private static AccessKeyCredential FromShape(Func<string, object?> read, object original)
        {
            var accessKeyId = Text(read("AccessKeyId") ?? read("AccessKey"));
            var secret = read("SecretAccessKey") ?? read("SecretKey");
            var sessionToken = Text(read("SessionToken") ?? read("Token"));
            if (accessKeyId is null || secret is null)
            {
                throw new ArgumentException(
                    "-Credential takes a PSCredential (user name: access key id, password: secret access key), an object or hashtable with AccessKeyId, "
                    + "SecretAccessKey and SessionToken (the Credentials of Use-STSRole, or of aws sts assume-role | ConvertFrom-Json), or AWS.Tools credentials; "
                    + $"a {original.GetType().Name} has no access key id and secret access key.");
            }

            var secure = (secret is PSObject wrappedSecret ? wrappedSecret.BaseObject : secret) as SecureString ?? Secure(Text(secret) ?? "");
            return Checked(accessKeyId, secure, sessionToken, original.GetType().Name);
        }

        private static AccessKeyCredential Checked(string? accessKeyId, SecureString? secret, string? sessionToken, string what)
        {
            if (string.IsNullOrWhiteSpace(accessKeyId) || secret is null || secret.Length == 0)
            {
                throw new ArgumentException($"The {what} given to -Credential has an empty access key id or secret access key.");
            }

            return new AccessKeyCredential(accessKeyId.Trim(), secret, sessionToken);
        }

        private static object? Lookup(IDictionary table, string name) =>
            table.Keys.Cast<object>().FirstOrDefault(key => string.Equals(key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) is { } key ? table[key] : null;

        private static string? Text(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value)?.ToString() is { Length: > 0 } text ? text : null;

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
