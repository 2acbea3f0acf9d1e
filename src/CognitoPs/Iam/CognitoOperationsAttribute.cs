using System;

namespace CognitoPs
{
    /// <summary>
    /// The Cognito operations a cmdlet sends, by their names in the client's operation table: its IAM actions
    /// (cognito-idp:&lt;operation&gt;), for its help and for Get-CognitoIamPolicy. <see cref="Occasional"/> lists those it
    /// sends only in some cases (a fallback for an older endpoint, telling a missing group from a missing pool, a size
    /// estimate for progress): a policy needs them too, a single run may not use them.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    internal sealed class CognitoOperationsAttribute : Attribute
    {
        public CognitoOperationsAttribute(params string[] operations) => Operations = operations;

        public string[] Operations { get; }

        public string[] Occasional { get; set; } = Array.Empty<string>();
    }
}
