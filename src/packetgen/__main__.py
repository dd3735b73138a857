from packetgen.cli import main

main()
