# -ThrottleLimit, -GeneratePassword and the run summary, against cognito-local with the state read back through its API.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $SecurePassword = ConvertTo-SecureString ('N3w-Passw0rd!' + [guid]::NewGuid().ToString('n').Substring(0, 6)) -AsPlainText -Force
    function Reveal([securestring] $Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }   # test-side only
}

AfterAll { Stop-OwnTestServers }

Describe 'Bulk runs against cognito-local' {
    BeforeEach {
        $Names = 1..60 | ForEach-Object { 'bulk-{0:00}' -f $_ }
        $Pool = New-EmulatorPool -Url $EmulatorUrl -Name 'bulk' -Username $Names
    }

    It '-ThrottleLimit 8 sets every user, writes results in input order and one summary line' {
        $results = $Names | Set-CognitoUserPassword -UserPoolId $Pool.Id -Password $SecurePassword -Permanent -PassThru `
            -ThrottleLimit 8 -EndpointUrl $EmulatorUrl -InformationVariable summary

        $results.Username | Should -Be $Names
        $users = (Invoke-CognitoApi -Url $EmulatorUrl -Operation ListUsers -Body @{ UserPoolId = $Pool.Id }).Users
        ($users | Where-Object UserStatus -eq 'CONFIRMED').Count | Should -Be 60
        @($summary).Count | Should -Be 1
        "$($summary[0])" | Should -Match '^60 set, 0 failed in \d+\.\d s$'
    }

    It '-ThrottleLimit through the gateway: every request signed, each user set once' {
        Set-GatewayFaults
        $Names | Set-CognitoUserPassword -UserPoolId $Pool.Id -Password $SecurePassword -Permanent -ThrottleLimit 16 -EndpointUrl $GatewayUrl

        $stats = Get-GatewayStats
        $stats.byOperation.AdminSetUserPassword | Should -Be 60
        $stats.signatureFailures | Should -Be 0
    }

    It '-GeneratePassword gives each user a different temporary password that signs in' {
        $results = $Names[0..2] | Set-CognitoUserPassword -UserPoolId $Pool.Id -GeneratePassword -PassThru -EndpointUrl $EmulatorUrl

        $results.Status | Should -Be @('FORCE_CHANGE_PASSWORD', 'FORCE_CHANGE_PASSWORD', 'FORCE_CHANGE_PASSWORD')
        $plain = $results | ForEach-Object { Reveal $_.Password }
        ($plain | Sort-Object -Unique).Count | Should -Be 3
        foreach ($result in $results) {
            $signIn = Invoke-EmulatorSignIn $Pool $result.Username (Reveal $result.Password)
            ($signIn.PSObject.Properties.Name -contains 'ChallengeName' -or $signIn.PSObject.Properties.Name -contains 'AuthenticationResult') | Should -BeTrue
        }
        ($results | Format-Table | Out-String) | Should -Not -Match ([regex]::Escape($plain[0]))
    }

    It 'failures in a concurrent run are counted in the summary and reported once each' {
        $results = ($Names[0..9] + 'ghost-1', 'ghost-2') | Set-CognitoUserPassword -UserPoolId $Pool.Id -Password $SecurePassword -PassThru `
            -ThrottleLimit 4 -EndpointUrl $EmulatorUrl -ErrorVariable failures -ErrorAction SilentlyContinue -InformationVariable summary

        $results.Count | Should -Be 10
        $failures.TargetObject | Should -Be @('ghost-1', 'ghost-2')
        "$($summary[0])" | Should -Match '^10 set, 2 failed in '
    }

    It 'a concurrent run paced under a 25/s quota finishes without a single throttle' {
        # The gateway throttles, as Cognito does, whatever exceeds 25 requests in the last second: it counts them.
        # (What an unpaced run does against the quota depends on the machine's speed: benchmark B7 measures it.)
        Set-GatewayFaults -Rules @(@{ operation = 'AdminSetUserPassword'; fault = 'quota'; perSecond = 25 })
        $Names | Set-CognitoUserPassword -UserPoolId $Pool.Id -Password $SecurePassword -ThrottleLimit 8 -MaxRequestsPerSecond 22 `
            -EndpointUrl $GatewayUrl -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 0
        $paced = Get-GatewayStats
        $paced.byOperation.AdminSetUserPassword | Should -Be 60
        @($paced.faults.PSObject.Properties).Count | Should -Be 0        # not one request over the quota
    }
}
