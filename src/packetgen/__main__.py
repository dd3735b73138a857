from packetgen.cli.app import main

main()
