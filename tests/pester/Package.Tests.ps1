# The package as an admin gets it: published to a (temporary, local) repository, saved by name, imported by name.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $Version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'CognitoPs.psd1')).ModuleVersion
    # build.ps1 Test writes it (./build.ps1 Package); run alone, this makes one from the built module the same way.
    $Package = Join-Path $RepoRoot "out/packages/CognitoPs.$Version.nupkg"
    if (-not (Test-Path $Package)) {
        Compress-PSResource -Path (Split-Path $ModuleManifest) -DestinationPath $TestDrive
        $Package = Join-Path $TestDrive "CognitoPs.$Version.nupkg"
    }
}

AfterAll { Stop-OwnTestServers }

Describe 'The package' {
    It 'has a manifest that Test-ModuleManifest accepts, with the gallery metadata' {
        $manifest = Test-ModuleManifest $ModuleManifest
        $manifest.Version | Should -Be $Version
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.ReleaseNotes | Should -Match $Version
        $manifest.Tags | Should -Contain 'Cognito'
        foreach ($dll in 'CognitoPs.dll', 'CognitoPs.Loader.dll', 'bin/CognitoPs.Client.dll') {
            (Get-Item (Join-Path $ModuleOutDir $dll)).VersionInfo.ProductVersion | Should -BeLike "$Version*"   # one version, set in one place
        }
    }

    It 'publishes to a local repository, saves and imports by name in a fresh pwsh, works and has its help; the repository is gone afterwards' {
        $repositories = @(Get-PSResourceRepository | ForEach-Object Name)
        $name = 'CognitoPsTest' + [guid]::NewGuid().ToString('n').Substring(0, 8)
        $feed = Join-Path $TestDrive 'feed'
        $modules = Join-Path $TestDrive 'modules'
        New-Item -ItemType Directory -Path $feed, $modules | Out-Null
        Register-PSResourceRepository -Name $name -Uri $feed -Trusted
        try {
            Publish-PSResource -NupkgPath $Package -Repository $name
            Save-PSResource -Name CognitoPs -Repository $name -Path $modules -TrustRepository
            $script = "`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath; Import-Module CognitoPs; " +
                "(Get-Module CognitoPs).ModuleBase; (Get-CognitoUser -UserPoolId eu-west-1_Paged5 -EndpointUrl $FakeUrl -First 1).Username; " +
                "(Get-Help Get-CognitoGroup).Synopsis; @((Get-Help Set-CognitoUserPassword).syntax.syntaxItem).Count"

            $output = & $PwshPath -NoProfile -NonInteractive -Command $script
        } finally {
            Unregister-PSResourceRepository -Name $name
        }

        $output[0] | Should -BeLike "$modules*CognitoPs*$Version"
        $output[1] | Should -Be 'user-000001'
        $output[2] | Should -BeLike 'Gets Cognito groups*'
        $output[3] | Should -Be '2'
        @(Get-PSResourceRepository | ForEach-Object Name) | Should -Be $repositories
    }
}
