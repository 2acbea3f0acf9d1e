@{
    # No root module: PowerShell would load it before any nested module's initializer ran. Nested modules load, and
    # their initializers run, in the order listed: CognitoPs.Loader.dll first, so that CognitoPs.dll (the cmdlets) can
    # come from its precompiled copy where the build made one for this runtime and platform.
    NestedModules        = @('CognitoPs.Loader.dll', 'CognitoPs.dll')
    ModuleVersion        = '0.3.0'   # the one place the version is set: build.ps1 gives it to the assemblies and the package
    GUID                 = '6f0e9a4e-3c1d-4b6a-9d3e-2a7c5b8e1f40'
    Author               = 'CognitoPs contributors'
    CompanyName          = 'CognitoPs'
    Copyright            = '(c) CognitoPs contributors. Apache-2.0.'
    Description          = 'Administer Amazon Cognito user pools from PowerShell: pipeline-friendly binary cmdlets with SecureString passwords, precise errors and -WhatIf.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('CognitoPs.Format.ps1xml')
    CmdletsToExport      = @(   # commas, not new lines: one array literal spares import the compiling of the manifest
        'Add-CognitoGroupMember',
        'Add-CognitoUserIdentity',
        'Confirm-CognitoUser',
        'Connect-CognitoUserPool',
        'Disable-CognitoUser',
        'Disconnect-CognitoUserPool',
        'Enable-CognitoUser',
        'Export-CognitoUser',
        'Get-CognitoGroup',
        'Get-CognitoGroupMember',
        'Get-CognitoIamPolicy',
        'Get-CognitoUser',
        'Get-CognitoUserAuthEvent',
        'Get-CognitoUserDevice',
        'Get-CognitoUserIdentity',
        'Get-CognitoUserImportJob',
        'Get-CognitoUserMfa',
        'Get-CognitoUserPool',
        'Import-CognitoUser',
        'New-CognitoGroup',
        'New-CognitoUser',
        'Remove-CognitoGroup',
        'Remove-CognitoGroupMember',
        'Remove-CognitoUser',
        'Remove-CognitoUserAttribute',
        'Remove-CognitoUserDevice',
        'Remove-CognitoUserIdentity',
        'Reset-CognitoUserMfa',
        'Reset-CognitoUserPassword',
        'Revoke-CognitoUserSession',
        'Send-CognitoUserInvitation',
        'Set-CognitoGroup',
        'Set-CognitoUserAttribute',
        'Set-CognitoUserMfaPreference',
        'Set-CognitoUserPassword',
        'Stop-CognitoUserImportJob'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'Cognito', 'UserPool', 'Identity', 'Password', 'Groups', 'IAM', 'Admin', 'PSEdition_Core', 'Linux', 'MacOS', 'Windows')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://github.com/cognitops/CognitoPs'
            ReleaseNotes = @'
0.3.0
- Credentials as admin teams have them: assumed roles (with MFA), IAM Identity Center, web identity, container and
  process credentials, temporary keys in -Credential.
- The help desk: Get-CognitoUserMfa, Set-CognitoUserMfaPreference, Reset-CognitoUserMfa (-ForgetDevices, -SignOut),
  Get-/Remove-CognitoUserDevice, Get-CognitoUserAuthEvent, Send-CognitoUserInvitation, Get-/Add-/Remove-CognitoUserIdentity;
  Get-CognitoUser -InvitationExpired, -CreatedBefore/-CreatedAfter/-ModifiedBefore/-ModifiedAfter.
- Get-CognitoIamPolicy: the least-privilege IAM policy for any set of cmdlets; each cmdlet's help lists its IAM actions.
- Export, import and move pools: Export-CognitoUser (Csv, Json, CognitoImport; -IncludeGroups; -Resume), Import-CognitoUser
  (the whole import-job chain, every row checked first), Get-/Stop-CognitoUserImportJob; Get-CognitoUser -ThrottleLimit
  reads a whole pool as 16 partitions side by side; Get-CognitoGroupMember pipes into Add-CognitoGroupMember.
- -MaxRequestsPerSecond holds at any rate; a retry after a lost reply that finds the work done counts as success.
0.2.0
- The user lifecycle: New-, Remove-, Enable-, Disable-CognitoUser, Reset-CognitoUserPassword, Confirm-CognitoUser,
  Set-/Remove-CognitoUserAttribute, Revoke-CognitoUserSession, on one per-user engine (ordered bulk runs,
  -ThrottleLimit, early-stop reporting, adaptive throttling, retries only where repeating is safe).
- Groups: Get-, New-, Set-, Remove-CognitoGroup, Add-, Remove-, Get-CognitoGroupMember.
- Its client and AWSSDK.Core load into their own AssemblyLoadContext, so it shares a session with AWS.Tools; the
  client ships precompiled (ReadyToRun) for .NET 10 on the platform it was built on, with portable IL elsewhere;
  full generated help, about_CognitoPs, tab completion for -UserPoolId and -GroupName. PowerShell 7.4 or later.
0.1.0
- Set-CognitoUserPassword, Get-CognitoUser, Get-CognitoUserPool, Connect-/Disconnect-CognitoUserPool.
'@
        }
    }
}
