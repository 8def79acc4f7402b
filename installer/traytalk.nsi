; TrayTalk setup for NSIS 3: the same installer as traytalk.iss, for machines where Inno Setup's 32-bit compiler
; cannot run under Wine. Built by installer/build-setup.sh:
;   makensis -DAPP_VERSION=0.1.0 -DSOURCE_DIR=... -DICON_FILE=... -DOUT_FILE=... [-DRUNTIME_DIR=...] traytalk.nsi
; Per-user by default; /AllUsers on the command line or the first page installs for everyone (administrator).

Unicode true
ManifestDPIAware true
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "TrayTalk"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "Software\TrayTalk"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include Sections.nsh

!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TrayTalk"
!define UDP_RULE "TrayTalk (UDP 42138)"
!define NETBIOS_RULE "TrayTalk NetBIOS (UDP 137, 138)"

Name "TrayTalk"
OutFile "${OUT_FILE}"
RequestExecutionLevel user
SetCompressor /SOLID lzma
; both launchers wrap the same jar: a dictionary larger than one of them stores it once
SetCompressorDictSize 64
!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"

VIProductVersion "${APP_VERSION}.0"
VIAddVersionKey "ProductName" "TrayTalk"
VIAddVersionKey "ProductVersion" "${APP_VERSION}"
VIAddVersionKey "FileVersion" "${APP_VERSION}"
VIAddVersionKey "FileDescription" "TrayTalk Setup"
VIAddVersionKey "CompanyName" "TrayTalk"
VIAddVersionKey "LegalCopyright" "TrayTalk contributors"

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!define MUI_PAGE_CUSTOMFUNCTION_PRE .onSelChange
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; Asks a running TrayTalk in $0 to say OFFLINE and quit (exit 0 also when none runs).
!macro QuitTrayTalk DIR
  ${If} ${FileExists} "${DIR}\traytalkc.exe"
    nsExec::Exec '"${DIR}\traytalkc.exe" quit'
    Pop $1
  ${EndIf}
!macroend

; A running TrayTalk holds this mutex; it must be gone before files are replaced.
Function WaitForTrayTalkToExit
  StrCpy $2 0
  ${Do}
    System::Call 'kernel32::OpenMutex(i 0x100000, i 0, t "TrayTalkRunning") p.r1'
    ${If} $1 == 0
      Return
    ${EndIf}
    System::Call 'kernel32::CloseHandle(p r1)'
    IntOp $2 $2 + 1
    ${If} $2 > 20
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "TrayTalk is still running. Close it, then click Retry." /SD IDCANCEL IDRETRY +2
      Abort
      StrCpy $2 0
    ${EndIf}
    Sleep 250
  ${Loop}
FunctionEnd

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "TrayTalk" SecApp
  SectionIn RO
  !insertmacro QuitTrayTalk "$INSTDIR"
  Call WaitForTrayTalkToExit
  SetOutPath "$INSTDIR"
  File "${SOURCE_DIR}\TrayTalk.exe"
  File "${SOURCE_DIR}\traytalkc.exe"
!ifdef RUNTIME_DIR
  SetOutPath "$INSTDIR\runtime"
  File /r "${RUNTIME_DIR}\*.*"
!else
  RMDir /r "$INSTDIR\runtime"
!endif
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\TrayTalk.lnk" "$INSTDIR\TrayTalk.exe"
  WriteRegStr SHCTX "Software\TrayTalk" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "TrayTalk"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "TrayTalk"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\TrayTalk.exe"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section /o "Desktop icon" SecDesktop
  CreateShortcut "$DESKTOP\TrayTalk.lnk" "$INSTDIR\TrayTalk.exe"
SectionEnd

Section "Start TrayTalk when I log on" SecAutostart
  WriteRegStr HKCU "${RUN_KEY}" "TrayTalk" '"$INSTDIR\TrayTalk.exe" --minimized'
SectionEnd

; the app runs as javaw.exe behind the launcher, so the rules name ports rather than a program
Section "Allow TrayTalk through Windows Firewall (UDP 42138; 137, 138 for NetBIOS)" SecFirewall
  ${IfNot} $MultiUser.InstallMode == "AllUsers"
    Return
  ${EndIf}
  nsExec::Exec 'netsh advfirewall firewall delete rule name="${UDP_RULE}"'
  Pop $0
  nsExec::Exec 'netsh advfirewall firewall add rule name="${UDP_RULE}" dir=in action=allow protocol=UDP localport=42138 profile=private,domain'
  Pop $0
  nsExec::Exec 'netsh advfirewall firewall delete rule name="${NETBIOS_RULE}"'
  Pop $0
  nsExec::Exec 'netsh advfirewall firewall add rule name="${NETBIOS_RULE}" dir=in action=allow protocol=UDP localport=137,138 profile=private,domain'
  Pop $0
SectionEnd

; firewall rules need administrator rights: the choice only exists when installing for all users
Function .onSelChange
  ${If} $MultiUser.InstallMode != "AllUsers"
    !insertmacro UnselectSection ${SecFirewall}
    !insertmacro SetSectionFlag ${SecFirewall} ${SF_RO}
  ${Else}
    !insertmacro ClearSectionFlag ${SecFirewall} ${SF_RO}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  !insertmacro QuitTrayTalk "$INSTDIR"
  ; the app writes the same value when autostart is switched on in TrayTalk itself
  DeleteRegValue HKCU "${RUN_KEY}" "TrayTalk"
  ${If} $MultiUser.InstallMode == "AllUsers"
    nsExec::Exec 'netsh advfirewall firewall delete rule name="${UDP_RULE}"'
    Pop $0
    nsExec::Exec 'netsh advfirewall firewall delete rule name="${NETBIOS_RULE}"'
    Pop $0
  ${EndIf}
  Delete "$SMPROGRAMS\TrayTalk.lnk"
  Delete "$DESKTOP\TrayTalk.lnk"
  Delete "$INSTDIR\TrayTalk.exe"
  Delete "$INSTDIR\traytalkc.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir /r "$INSTDIR\runtime"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "Software\TrayTalk"
  SetShellVarContext current
  ; default and silent uninstall keep the history: it cannot be recovered
  MessageBox MB_YESNO|MB_DEFBUTTON2|MB_ICONQUESTION "Also delete your TrayTalk message history and settings?$\r$\n$\r$\nChoose No to keep them for a later installation." /SD IDNO IDNO keep
    RMDir /r "$LOCALAPPDATA\TrayTalk"
    RMDir /r "$APPDATA\TrayTalk"
  keep:
SectionEnd
